package io.switchboard.billing.generation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Generation records ({@code switchboard.billing.generations.*}).
 *
 * @param retention how long a generation record can be read with {@code GET /api/v1/generation}
 */
@ConfigurationProperties("switchboard.billing.generations")
public record GenerationProperties(@DefaultValue("30d") Duration retention) {
}
