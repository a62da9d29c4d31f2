package io.switchboard.catalog.stats;

/** OpenRouter's {@code PercentileStats}: the 50th, 75th, 90th and 99th percentiles of a measure. */
public record Percentiles(double p50, double p75, double p90, double p99) {
}
