package io.switchboard.routing.selection;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** OpenRouter's {@code provider.sort}: try endpoints in this order instead of load balancing by price. */
public enum Sort {
    /** Cheapest first (also the {@code :floor} variant). */
    PRICE,
    /** Highest throughput (completion tokens per second) first (also the {@code :nitro} variant). */
    THROUGHPUT,
    /** Lowest latency (time to first token) first. */
    LATENCY;

    static @Nullable Sort parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "price" -> PRICE;
            case "throughput" -> THROUGHPUT;
            case "latency" -> LATENCY;
            default -> null;
        };
    }
}
