package io.switchboard.simulator.fault;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What each endpoint prefix received and how those exchanges ended, counted by {@link TrafficStatsFilter}. A test
 * proves a client's cancel reached the provider by watching {@code in_flight} drop back while {@code cancelled} (or
 * {@code failed}, when the closed connection broke a write) grows, long before the generation would have finished.
 */
public final class TrafficStats {

    private final Map<String, Counters> byPrefix = new ConcurrentHashMap<>();

    /**
     * @param prefix the endpoint prefix
     * @param received requests that arrived
     * @param inFlight requests whose response has not ended
     * @param completed responses written to the end
     * @param cancelled responses the client abandoned (connection closed by the client)
     * @param failed responses that ended in an error (including a simulated disconnect)
     * @param lastTraceparent the W3C {@code traceparent} header of the last request that arrived, if it had one (so a
     *        test can see the trace a caller propagated)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Snapshot(String prefix, long received, long inFlight, long completed, long cancelled,
            long failed, @Nullable String lastTraceparent) {
    }

    void received(String prefix, @Nullable String traceparent) {
        Counters counters = counters(prefix);
        counters.lastTraceparent = traceparent;
        counters.received.incrementAndGet();
        counters.inFlight.incrementAndGet();
    }

    void ended(String prefix, Outcome outcome) {
        Counters counters = counters(prefix);
        counters.inFlight.decrementAndGet();
        (switch (outcome) {
            case COMPLETED -> counters.completed;
            case CANCELLED -> counters.cancelled;
            case FAILED -> counters.failed;
        }).incrementAndGet();
    }

    public Snapshot snapshot(String prefix) {
        Counters counters = counters(prefix);
        return new Snapshot(prefix, counters.received.get(), counters.inFlight.get(), counters.completed.get(),
                counters.cancelled.get(), counters.failed.get(), counters.lastTraceparent);
    }

    public void reset() {
        byPrefix.clear();
    }

    private Counters counters(String prefix) {
        return byPrefix.computeIfAbsent(prefix, p -> new Counters());
    }

    enum Outcome {
        COMPLETED, CANCELLED, FAILED
    }

    private static final class Counters {

        final AtomicLong received = new AtomicLong();
        final AtomicLong inFlight = new AtomicLong();
        final AtomicLong completed = new AtomicLong();
        final AtomicLong cancelled = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        volatile @Nullable String lastTraceparent;
    }
}
