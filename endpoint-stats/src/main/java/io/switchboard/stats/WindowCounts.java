package io.switchboard.stats;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The counters of a statistics hash summed over a range of minutes, and what OpenRouter's figures are derived from.
 *
 * @param requests attempts that reached the endpoint
 * @param errors of those, the provider's failures
 * @param ttft served attempts by time-to-first-byte bucket label ({@link Histogram#TTFT})
 * @param throughput generations by tokens-per-second bucket label ({@link Histogram#THROUGHPUT})
 */
public record WindowCounts(long requests, long errors, Map<String, Long> ttft, Map<String, Long> throughput) {

    public WindowCounts {
        ttft = Map.copyOf(ttft);
        throughput = Map.copyOf(throughput);
    }

    /**
     * Sums the fields of the minutes {@code firstMinute} to {@code lastMinute} (both included). Other minutes, fields
     * this format does not know and values that are not non-negative integers are ignored, so that a foreign or
     * half-understood field never fails a reader.
     */
    public static WindowCounts of(Map<String, String> fields, long firstMinute, long lastMinute) {
        long requests = 0;
        long errors = 0;
        Map<String, Long> ttft = new HashMap<>();
        Map<String, Long> throughput = new HashMap<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String name = field.getKey();
            int colon = name.indexOf(':');
            long minute;
            long value;
            try {
                minute = StatsFields.minuteOf(name);
                value = Long.parseLong(field.getValue());
            } catch (NumberFormatException foreign) {
                continue;
            }
            if (colon < 0 || minute < firstMinute || minute > lastMinute || value < 0) {
                continue;
            }
            String rest = name.substring(colon + 1);
            switch (rest) {
                case StatsFields.REQUESTS -> requests += value;
                case StatsFields.ERRORS -> errors += value;
                default -> {
                    addBucket(ttft, Histogram.TTFT.labelOf(rest), value);
                    addBucket(throughput, Histogram.THROUGHPUT.labelOf(rest), value);
                }
            }
        }
        return new WindowCounts(requests, errors, ttft, throughput);
    }

    private static void addBucket(Map<String, Long> counts, @Nullable String label, long value) {
        if (label != null) {
            counts.merge(label, value, Long::sum);
        }
    }

    /**
     * OpenRouter's uptime in percent, {@code 100 × (requests − errors) / requests}; null without requests. Kept within
     * 0..100: one flush's fields are separate {@code HINCRBY}s, so a reader may see its errors before its requests.
     */
    public @Nullable Double uptime() {
        if (requests == 0) {
            return null;
        }
        return 100.0 * (requests - Math.min(errors, requests)) / requests;
    }

    /** The {@code percent}th percentile of time to first byte, in milliseconds. */
    public OptionalDouble latencyPercentile(int percent) {
        return Histogram.TTFT.quantile(ttft, percent / 100.0);
    }

    /**
     * OpenRouter's {@code percent}th throughput percentile, in tokens per second: the (100 − {@code percent})th
     * percentile of the measured rates, since OpenRouter's throughput percentiles describe the slow tail (its p99 is
     * the rate 99% of generations reached).
     */
    public OptionalDouble throughputPercentile(int percent) {
        return Histogram.THROUGHPUT.quantile(throughput, (100 - percent) / 100.0);
    }

    /** The window's figures, as OpenRouter shows them. */
    public WindowFigures figures() {
        return new WindowFigures(requests, errors, uptime(), Percentiles.of(this::latencyPercentile),
                Percentiles.of(this::throughputPercentile));
    }
}
