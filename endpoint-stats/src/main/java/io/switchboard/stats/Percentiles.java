package io.switchboard.stats;

import java.util.OptionalDouble;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/** OpenRouter's {@code PercentileStats}: the 50th, 75th, 90th and 99th percentiles of a measure. */
public record Percentiles(double p50, double p75, double p90, double p99) {

    /** The four percentiles {@code percentile} gives for 50, 75, 90 and 99; null when it has none. */
    static @Nullable Percentiles of(IntFunction<OptionalDouble> percentile) {
        OptionalDouble p50 = percentile.apply(50);
        if (p50.isEmpty()) {
            return null;
        }
        return new Percentiles(p50.getAsDouble(), percentile.apply(75).orElseThrow(),
                percentile.apply(90).orElseThrow(), percentile.apply(99).orElseThrow());
    }
}
