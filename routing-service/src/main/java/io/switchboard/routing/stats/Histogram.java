package io.switchboard.routing.stats;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * Fixed-bucket histograms, so that counts from every replica add up in Redis and percentiles can be read from the
 * sum (as Prometheus histograms do). A bucket is named by its upper bound; values above the last bound fall in
 * {@code inf}.
 *
 * @param name field name part, e.g. {@code ttft}
 * @param bounds upper bounds, ascending
 */
record Histogram(String name, long[] bounds) {

    /** Time to first byte of an attempt, in milliseconds. */
    static final Histogram TTFT = new Histogram("ttft",
            new long[]{100, 250, 500, 750, 1_000, 1_500, 2_000, 3_000, 5_000, 7_500, 10_000, 15_000, 30_000, 60_000});

    /** Completion tokens per second of a streamed generation after its first token. */
    static final Histogram THROUGHPUT = new Histogram("tps",
            new long[]{5, 10, 20, 30, 40, 50, 75, 100, 150, 200, 300, 500, 1_000});

    static final String INFINITY = "inf";

    /** The bucket label of a value: the first bound not below it, or {@code inf}. */
    String bucket(double value) {
        for (long bound : bounds) {
            if (value <= bound) {
                return Long.toString(bound);
            }
        }
        return INFINITY;
    }

    String[] labels() {
        String[] labels = new String[bounds.length + 1];
        for (int i = 0; i < bounds.length; i++) {
            labels[i] = Long.toString(bounds[i]);
        }
        labels[bounds.length] = INFINITY;
        return labels;
    }

    /**
     * The {@code quantile} (0..1) of the counts by bucket label, interpolated linearly within its bucket; a quantile
     * in the {@code inf} bucket is reported as the last bound. Empty when there are no counts.
     */
    OptionalDouble quantile(Map<String, Long> counts, double quantile) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return OptionalDouble.empty();
        }
        double rank = quantile * total;
        long seen = 0;
        double lower = 0;
        String[] labels = labels();
        for (int i = 0; i < labels.length; i++) {
            long count = counts.getOrDefault(labels[i], 0L);
            if (count > 0 && seen + count >= rank) {
                if (i == bounds.length) {
                    return OptionalDouble.of(bounds[bounds.length - 1]);
                }
                double within = (rank - seen) / count;
                return OptionalDouble.of(lower + within * (bounds[i] - lower));
            }
            seen += count;
            lower = i < bounds.length ? bounds[i] : lower;
        }
        return OptionalDouble.of(bounds[bounds.length - 1]);
    }
}
