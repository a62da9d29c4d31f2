package io.switchboard.routing.stats;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live endpoint statistics ({@code switchboard.routing.stats.*}), shared by all routing replicas through Redis.
 *
 * @param flushInterval how often a replica adds what it measured to Redis; nothing is written per request
 * @param refreshInterval how often a replica reads every endpoint's statistics back for {@code provider.sort}
 * @param window how far back the statistics reach, and how long the minutes are kept in Redis; catalog-service's
 *        {@code *_last_30m} figures cover at most this much (OpenRouter shows the last 30 minutes)
 */
@ConfigurationProperties("switchboard.routing.stats")
public record StatsProperties(@DefaultValue("5s") Duration flushInterval, @DefaultValue("5s") Duration refreshInterval,
        @DefaultValue("30m") Duration window) {

    public StatsProperties {
        if (flushInterval.isNegative() || flushInterval.isZero() || refreshInterval.isNegative()
                || refreshInterval.isZero()) {
            throw new IllegalArgumentException("switchboard.routing.stats intervals must be positive");
        }
        if (window.toMinutes() < 1) {
            throw new IllegalArgumentException("switchboard.routing.stats.window must be at least 1m, was " + window);
        }
    }

    long windowMinutes() {
        return window.toMinutes();
    }
}
