package io.switchboard.catalog.stats;

import io.switchboard.stats.EndpointFigures;
import io.switchboard.stats.Percentiles;
import org.jspecify.annotations.Nullable;

/**
 * What is known of one endpoint's recent service, in the units of OpenRouter's {@code PublicEndpoint}. Each figure is
 * null when there is no recent data for it.
 *
 * @param uptimeLast5m percent of attempts on the endpoint in the last 5 minutes that were not the provider's failures
 * @param uptimeLast30m the same over 30 minutes
 * @param uptimeLast1d always null: routing-service keeps 30 minutes of statistics, and a day's uptime is not
 *        extrapolated from them
 * @param latencyLast30m time to first token in milliseconds over the last 30 minutes
 * @param throughputLast30m completion tokens per second over the last 30 minutes
 */
public record EndpointStatistics(@Nullable Double uptimeLast5m, @Nullable Double uptimeLast30m,
        @Nullable Double uptimeLast1d, @Nullable Percentiles latencyLast30m, @Nullable Percentiles throughputLast30m) {

    /** Nothing known: a new endpoint, or statistics out of reach. */
    public static final EndpointStatistics NONE = new EndpointStatistics(null, null, null, null, null);

    /** The figures routing-service's statistics give, as OpenRouter names them. */
    public static EndpointStatistics of(EndpointFigures figures) {
        return new EndpointStatistics(figures.last5m().uptime(), figures.last30m().uptime(), null,
                figures.last30m().latencyMs(), figures.last30m().throughput());
    }
}
