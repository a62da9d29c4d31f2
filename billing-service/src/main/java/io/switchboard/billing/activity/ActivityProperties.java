package io.switchboard.billing.activity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Activity ({@code switchboard.billing.activity.*}).
 *
 * @param retention how long after the end of a UTC day its activity is kept; {@code GET /api/v1/activity} shows the
 *        last 30 completed days, so anything under 30 days shortens what it can show
 */
@ConfigurationProperties("switchboard.billing.activity")
public record ActivityProperties(@DefaultValue("30d") Duration retention) {

    public ActivityProperties {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("switchboard.billing.activity.retention must be positive");
        }
    }
}
