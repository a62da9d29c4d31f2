package io.switchboard.routing.stats;

import java.time.Instant;
import java.util.HashMap;
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
        long requests = 0;
        long errors = 0;
        Map<String, Long> ttft = new HashMap<>();
        Map<String, Long> throughput = new HashMap<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String[] parts = field.getKey().split(":", 3);
            long minute;
            long value;
            try {
                minute = Long.parseLong(parts[0]);
                value = Long.parseLong(field.getValue());
            } catch (NumberFormatException foreign) {
                continue;
            }
            if (minute < firstMinute || minute > lastMinute || parts.length < 2) {
                continue;
            }
            switch (parts[1]) {
                case StatsFields.REQUESTS -> requests += value;
                case StatsFields.ERRORS -> errors += value;
                case "ttft" -> ttft.merge(parts.length == 3 ? parts[2] : "", value, Long::sum);
                case "tps" -> throughput.merge(parts.length == 3 ? parts[2] : "", value, Long::sum);
                default -> {
                    // sums, read by catalog-service
                }
            }
        }
        return new EndpointStats(requests, errors, Histogram.TTFT.quantile(ttft, 0.5),
                Histogram.THROUGHPUT.quantile(throughput, 0.5), breaker);
    }
}
