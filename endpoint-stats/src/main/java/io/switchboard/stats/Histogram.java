package io.switchboard.stats;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The fixed-bucket histograms of the statistics hash, so that counts from every replica add up in Redis and
 * percentiles can be read from the sum (as Prometheus histograms do). A bucket is named by its upper bound; values
 * above the last bound fall in {@code inf}. The bounds are part of the format: changing them changes the field names.
 */
public enum Histogram {

    /** Time to first byte of an attempt, in milliseconds. */
    TTFT("ttft", 100, 250, 500, 750, 1_000, 1_500, 2_000, 3_000, 5_000, 7_500, 10_000, 15_000, 30_000, 60_000),

    /** Completion tokens per second of a streamed generation, from its first to its last chunk. */
    THROUGHPUT("tps", 5, 10, 20, 30, 40, 50, 75, 100, 150, 200, 300, 500, 1_000);

    /** The label of the bucket above the last bound. */
    public static final String INFINITY = "inf";

    private final String fieldName;
    private final long[] bounds;
    private final List<String> labels;

    Histogram(String fieldName, long... bounds) {
        this.fieldName = fieldName;
        this.bounds = bounds;
        this.labels = Stream.concat(LongStream.of(bounds).mapToObj(Long::toString), Stream.of(INFINITY)).toList();
    }

    /** The middle part of its bucket fields: {@code <minute>:<fieldName>:<label>}. */
    public String fieldName() {
        return fieldName;
    }

    /** Every bucket label, ascending, {@code inf} last. */
    public List<String> labels() {
        return labels;
    }

    /** The bucket label of a value: the first bound not below it, or {@code inf}. */
    public String bucket(double value) {
        for (int i = 0; i < bounds.length; i++) {
            if (value <= bounds[i]) {
                return labels.get(i);
            }
        }
        return INFINITY;
    }

    /** The label of a field part {@code <fieldName>:<label>}, or null when it is not one of this histogram's. */
    @Nullable
    String labelOf(String nameAndLabel) {
        if (!nameAndLabel.startsWith(fieldName) || nameAndLabel.length() <= fieldName.length()
                || nameAndLabel.charAt(fieldName.length()) != ':') {
            return null;
        }
        String label = nameAndLabel.substring(fieldName.length() + 1);
        return labels.contains(label) ? label : null;
    }

    /**
     * The {@code quantile} (0..1) of the counts by bucket label, interpolated linearly within its bucket (the first
     * bucket starts at 0); a quantile in the {@code inf} bucket is reported as the last bound. Labels that are not
     * this histogram's are ignored. Empty when there are no counts.
     */
    public OptionalDouble quantile(Map<String, Long> counts, double quantile) {
        long total = 0;
        for (String label : labels) {
            total += counts.getOrDefault(label, 0L);
        }
        if (total == 0) {
            return OptionalDouble.empty();
        }
        double rank = quantile * total;
        long seen = 0;
        double lower = 0;
        for (int i = 0; i < labels.size(); i++) {
            long count = counts.getOrDefault(labels.get(i), 0L);
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
