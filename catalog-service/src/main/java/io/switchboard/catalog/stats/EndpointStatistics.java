package io.switchboard.catalog.stats;

import org.jspecify.annotations.Nullable;

/**
 * What is known of one endpoint's recent service, in the units of OpenRouter's {@code PublicEndpoint}. Each figure is
 * null when there is not enough recent data for it.
 *
 * @param uptimeLast5m percent of requests in the last 5 minutes that did not fail (rate-limited ones do not count)
 * @param uptimeLast30m the same over 30 minutes
 * @param uptimeLast1d the same over a day
 * @param latencyLast30m time to first token in milliseconds over the last 30 minutes
 * @param throughputLast30m completion tokens per second over the last 30 minutes
 */
public record EndpointStatistics(@Nullable Double uptimeLast5m, @Nullable Double uptimeLast30m,
        @Nullable Double uptimeLast1d, @Nullable Percentiles latencyLast30m, @Nullable Percentiles throughputLast30m) {

    /** Nothing known: a new endpoint, or statistics out of reach. */
    public static final EndpointStatistics NONE = new EndpointStatistics(null, null, null, null, null);
}
