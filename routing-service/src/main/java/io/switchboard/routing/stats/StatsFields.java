package io.switchboard.routing.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Names of the Redis keys and hash fields of endpoint statistics; see the package documentation for what each
 * means. Fields are per minute, so that counts from every replica simply add up ({@code HINCRBY}) and a window is a
 * set of minutes.
 */
final class StatsFields {

    static final String REQUESTS = "requests";
    static final String ERRORS = "errors";
    static final String TTFT_SUM_MS = "ttft_sum_ms";
    static final String TOKENS = "tokens";
    static final String GENERATION_MS = "generation_ms";

    private StatsFields() {
    }

    static String statsKey(String endpointId) {
        return "routing:stats:" + endpointId;
    }

    static String breakerKey(String endpointId) {
        return "routing:breaker:" + endpointId;
    }

    static String field(long minute, String name) {
        return minute + ":" + name;
    }

    static String bucket(long minute, Histogram histogram, String label) {
        return minute + ":" + histogram.name() + ":" + label;
    }

    /** Every field one minute may have, to delete it once it leaves the window. */
    static List<String> allOfMinute(long minute) {
        List<String> fields = new ArrayList<>(List.of(field(minute, REQUESTS), field(minute, ERRORS),
                field(minute, TTFT_SUM_MS), field(minute, TOKENS), field(minute, GENERATION_MS)));
        for (Histogram histogram : new Histogram[]{Histogram.TTFT, Histogram.THROUGHPUT}) {
            for (String label : histogram.labels()) {
                fields.add(bucket(minute, histogram, label));
            }
        }
        return fields;
    }
}
