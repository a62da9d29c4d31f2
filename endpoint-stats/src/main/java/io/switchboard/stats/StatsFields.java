package io.switchboard.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Names of the statistics hash {@code routing:stats:{endpointId}} and of its fields (see the package documentation).
 * Fields are per minute, so that counts from every replica simply add up ({@code HINCRBY}) and a window is a set of
 * minutes.
 */
public final class StatsFields {

    /** The key of an endpoint's statistics is this followed by the endpoint id. */
    public static final String KEY_PREFIX = "routing:stats:";
    public static final String REQUESTS = "requests";
    public static final String ERRORS = "errors";
    public static final String TTFT_SUM_MS = "ttft_sum_ms";
    public static final String TOKENS = "tokens";
    public static final String GENERATION_MS = "generation_ms";

    private static final long MINUTE_MILLIS = 60_000;

    private StatsFields() {
    }

    public static String statsKey(String endpointId) {
        return KEY_PREFIX + endpointId;
    }

    /** The epoch minute of an instant in unix millis: the prefix of the fields it counts into. */
    public static long epochMinute(long unixMillis) {
        return Math.floorDiv(unixMillis, MINUTE_MILLIS);
    }

    /** {@code <minute>:<name>}, for a counter or a sum. */
    public static String field(long minute, String name) {
        return minute + ":" + name;
    }

    /** {@code <minute>:<histogram>:<label>}, for a histogram bucket. */
    public static String bucket(long minute, Histogram histogram, String label) {
        return minute + ":" + histogram.fieldName() + ":" + label;
    }

    /**
     * The minute a field belongs to.
     *
     * @throws NumberFormatException when the field does not start with one
     */
    public static long minuteOf(String field) {
        int colon = field.indexOf(':');
        return Long.parseLong(field, 0, colon < 0 ? field.length() : colon, 10);
    }

    /** Every field one minute may have, to delete it once it leaves the window. */
    public static List<String> allOfMinute(long minute) {
        List<String> fields = new ArrayList<>(List.of(field(minute, REQUESTS), field(minute, ERRORS),
                field(minute, TTFT_SUM_MS), field(minute, TOKENS), field(minute, GENERATION_MS)));
        for (Histogram histogram : Histogram.values()) {
            for (String label : histogram.labels()) {
                fields.add(bucket(minute, histogram, label));
            }
        }
        return fields;
    }
}
