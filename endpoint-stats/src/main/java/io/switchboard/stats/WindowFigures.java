package io.switchboard.stats;

import org.jspecify.annotations.Nullable;

/**
 * One endpoint's figures over one window, as OpenRouter's {@code PublicEndpoint} shows them; each is null when the
 * window has no data for it.
 *
 * @param requests attempts that reached the endpoint
 * @param errors of those, the provider's failures
 * @param uptime percent of those attempts that were not the provider's failures
 * @param latencyMs time to first byte, in milliseconds
 * @param throughput completion tokens per second, pXX being the rate (100 − XX)% of generations fell below
 */
public record WindowFigures(long requests, long errors, @Nullable Double uptime, @Nullable Percentiles latencyMs,
        @Nullable Percentiles throughput) {

    /** A window without any attempt. */
    public static final WindowFigures NONE = new WindowFigures(0, 0, null, null, null);
}
