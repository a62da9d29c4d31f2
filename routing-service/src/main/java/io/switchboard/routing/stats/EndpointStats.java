package io.switchboard.routing.stats;

import io.switchboard.stats.WindowCounts;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * One endpoint's statistics over the window, summed over every replica, as read back from Redis.
 *
 * @param requests attempts that reached the endpoint
 * @param errors of those, the provider's failures
 * @param ttftP50Ms median time to first byte
 * @param throughputP50 median completion tokens per second
 * @param breaker the breaker state a replica last shared, null when none did
 */
public record EndpointStats(long requests, long errors, OptionalDouble ttftP50Ms, OptionalDouble throughputP50,
        @Nullable SharedBreaker breaker) {

    /**
     * @param state {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}, ...
     * @param since when it entered that state
     * @param replica the replica that wrote it
     */
    public record SharedBreaker(String state, Instant since, String replica) {
    }

    /** Computes the window's statistics from the fields of {@code routing:stats:{id}} (minutes outside ignored). */
    static EndpointStats of(Map<String, String> fields, long firstMinute, long lastMinute,
            @Nullable SharedBreaker breaker) {
        WindowCounts counts = WindowCounts.of(fields, firstMinute, lastMinute);
        return new EndpointStats(counts.requests(), counts.errors(), counts.latencyPercentile(50),
                counts.throughputPercentile(50), breaker);
    }
}
