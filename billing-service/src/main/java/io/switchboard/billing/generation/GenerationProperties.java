package io.switchboard.billing.generation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Generation records ({@code switchboard.billing.generations.*}).
 *
 * @param retention how long after a generation's {@code created_at} it can be read with {@code GET /api/v1/generation}
 *        (one Redis key of about 2 KB per generation lives this long)
 */
@ConfigurationProperties("switchboard.billing.generations")
public record GenerationProperties(@DefaultValue("30d") Duration retention) {

    public GenerationProperties {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("switchboard.billing.generations.retention must be positive");
        }
    }
}
