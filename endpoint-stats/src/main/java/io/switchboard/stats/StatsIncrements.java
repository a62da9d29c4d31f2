package io.switchboard.stats;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The writer's half of the format: what one attempt on an endpoint adds to the counters of the minute it ended in,
 * by field. A writer adds each to the statistics hash with {@code HINCRBY} (routing-service batches them in memory
 * first); tests build hashes the same way.
 */
public final class StatsIncrements {

    private StatsIncrements() {
    }

    /**
     * An attempt that ended without serving: a provider's fault counts as an error, a refusal of the request (4xx)
     * as an answered request.
     */
    public static Map<String, Long> failed(long minute, boolean providerFault) {
        Map<String, Long> increments = new LinkedHashMap<>();
        increments.put(StatsFields.field(minute, StatsFields.REQUESTS), 1L);
        if (providerFault) {
            increments.put(StatsFields.field(minute, StatsFields.ERRORS), 1L);
        }
        return increments;
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
    public static Map<String, Long> served(long minute, Duration timeToFirstByte, boolean failedMidStream,
            @Nullable Long completionTokens, @Nullable Duration generating) {
        Map<String, Long> increments = new LinkedHashMap<>();
        increments.put(StatsFields.field(minute, StatsFields.REQUESTS), 1L);
        if (failedMidStream) {
            increments.put(StatsFields.field(minute, StatsFields.ERRORS), 1L);
        }
        long ttft = Math.max(0, timeToFirstByte.toMillis());
        increments.put(StatsFields.bucket(minute, Histogram.TTFT, Histogram.TTFT.bucket(ttft)), 1L);
        increments.put(StatsFields.field(minute, StatsFields.TTFT_SUM_MS), ttft);
        // One token has no rate, and a generation measured as instant would have an infinite one.
        if (completionTokens != null && generating != null && completionTokens > 1 && generating.toMillis() > 0) {
            double perSecond = completionTokens * 1000.0 / generating.toMillis();
            increments.put(StatsFields.bucket(minute, Histogram.THROUGHPUT, Histogram.THROUGHPUT.bucket(perSecond)),
                    1L);
            increments.put(StatsFields.field(minute, StatsFields.TOKENS), completionTokens);
            increments.put(StatsFields.field(minute, StatsFields.GENERATION_MS), generating.toMillis());
        }
        return increments;
    }
}
