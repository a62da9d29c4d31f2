package io.switchboard.routing.stats;

import io.switchboard.stats.StatsFields;
import io.switchboard.stats.StatsIncrements;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Measures provider endpoints in memory: counters per endpoint and minute, added to by requests (a few atomic
 * increments, no I/O) and handed to {@link RedisStatsFlusher} periodically. Counters of minutes that left the window
 * while Redis was unreachable are dropped: statistics are a routing hint, not a ledger.
 */
@Component
public class EndpointStatsRecorder {

    private final Map<String, Map<String, AtomicLong>> pending = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long windowMinutes;

    public EndpointStatsRecorder(Clock clock, StatsProperties properties) {
        this.clock = clock;
        this.windowMinutes = properties.windowMinutes();
    }

    /**
     * An attempt that ended without serving: a provider's fault counts as an error, a refusal of the request (4xx)
     * as an answered request.
     */
    public void attemptFailed(String endpointId, boolean providerFault) {
        addAll(endpointId, StatsIncrements.failed(minute(), providerFault));
    }

    /**
     * An attempt that served the request.
     *
     * @param timeToFirstByte from the attempt's start to the provider's first chunk (the whole response when not
     *        streamed)
     * @param failedMidStream whether the provider broke the stream after it started (an error)
     * @param completionTokens tokens of a streamed generation that completed, for throughput; null otherwise
     * @param generating from its first to its last chunk; null when {@code completionTokens} is
     */
    public void attemptServed(String endpointId, Duration timeToFirstByte, boolean failedMidStream,
            @Nullable Long completionTokens, @Nullable Duration generating) {
        addAll(endpointId,
                StatsIncrements.served(minute(), timeToFirstByte, failedMidStream, completionTokens, generating));
    }

    /** Takes every non-zero counter, resetting it; counters of minutes past the window are dropped. */
    Map<String, Map<String, Long>> drain() {
        long oldest = minute() - windowMinutes;
        Map<String, Map<String, Long>> drained = new HashMap<>();
        pending.forEach((endpointId, counters) -> {
            Map<String, Long> deltas = new HashMap<>();
            counters.forEach((field, counter) -> {
                long value = counter.getAndSet(0);
                if (StatsFields.minuteOf(field) < oldest) {
                    counters.remove(field, counter);
                } else if (value != 0) {
                    deltas.put(field, value);
                }
            });
            if (!deltas.isEmpty()) {
                drained.put(endpointId, deltas);
            }
        });
        return drained;
    }

    /** Gives back what could not be written, to be written with the next flush. */
    void restore(String endpointId, Map<String, Long> deltas) {
        addAll(endpointId, deltas);
    }

    long minute() {
        return StatsFields.epochMinute(clock.millis());
    }

    private void addAll(String endpointId, Map<String, Long> deltas) {
        Map<String, AtomicLong> counters = pending.computeIfAbsent(endpointId, id -> new ConcurrentHashMap<>());
        deltas.forEach((field, delta) -> counters.computeIfAbsent(field, f -> new AtomicLong()).addAndGet(delta));
    }
}
