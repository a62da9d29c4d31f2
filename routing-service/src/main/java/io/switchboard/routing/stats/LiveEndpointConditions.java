package io.switchboard.routing.stats;

import io.switchboard.routing.resilience.EndpointBreakers;
import io.switchboard.routing.resilience.ResilienceProperties;
import io.switchboard.routing.resilience.RetryAfterCooldowns;
import io.switchboard.routing.selection.EndpointConditions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import org.springframework.stereotype.Component;

/**
 * What selection knows live about endpoints: this replica's breakers and {@code Retry-After} cool-downs, the breaker
 * states other replicas shared, and the measured speeds of all replicas.
 */
@Component
class LiveEndpointConditions implements EndpointConditions {

    private final EndpointBreakers breakers;
    private final RetryAfterCooldowns cooldowns;
    private final EndpointStatsReader stats;
    private final Duration openWait;
    private final Clock clock;

    LiveEndpointConditions(EndpointBreakers breakers, RetryAfterCooldowns cooldowns, EndpointStatsReader stats,
            ResilienceProperties properties, Clock clock) {
        this.breakers = breakers;
        this.cooldowns = cooldowns;
        this.stats = stats;
        this.openWait = properties.breaker().waitInOpenState();
        this.clock = clock;
    }

    @Override
    public boolean isDegraded(String endpointId) {
        Instant now = clock.instant();
        return breakers.isDegraded(endpointId, now) || cooldowns.coolingUntil(endpointId, now).isPresent()
                || openElsewhere(endpointId, now);
    }

    /** Another replica opened the endpoint's breaker less than the open wait ago. */
    private boolean openElsewhere(String endpointId, Instant now) {
        return stats.get(endpointId)
                .map(EndpointStats::breaker)
                .filter(shared -> shared.state().equals("OPEN") && now.isBefore(shared.since().plus(openWait)))
                .isPresent();
    }

    @Override
    public OptionalDouble throughput(String endpointId) {
        return stats.get(endpointId).map(EndpointStats::throughputP50).orElse(OptionalDouble.empty());
    }

    @Override
    public OptionalDouble latency(String endpointId) {
        return stats.get(endpointId).map(EndpointStats::ttftP50Ms).orElse(OptionalDouble.empty());
    }
}
