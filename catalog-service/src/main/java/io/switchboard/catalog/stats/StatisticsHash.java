package io.switchboard.catalog.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one endpoint's statistics hash, {@code routing:stats:{endpointId}}, as routing-service writes it (the fields
 * are listed in docs/contracts.md). A window's figures count only if the hash was written within that window: a hash
 * nobody updated for an hour says nothing about the last five minutes. Missing or malformed fields leave the figure
 * null rather than failing the whole answer.
 */
final class StatisticsHash {

    static final String UPDATED_AT = "updated_at";
    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    static final Duration THIRTY_MINUTES = Duration.ofMinutes(30);
    static final Duration ONE_DAY = Duration.ofDays(1);

    private StatisticsHash() {
    }

    static EndpointStatistics parse(Map<String, String> fields, Instant now) {
        Long updatedAtMillis = integer(fields, UPDATED_AT);
        if (updatedAtMillis == null) {
            return EndpointStatistics.NONE;
        }
        Duration age = Duration.between(Instant.ofEpochMilli(updatedAtMillis), now);
        boolean fresh30m = isWithin(age, THIRTY_MINUTES);
        return new EndpointStatistics(isWithin(age, FIVE_MINUTES) ? uptime(fields, "5m") : null,
                fresh30m ? uptime(fields, "30m") : null, isWithin(age, ONE_DAY) ? uptime(fields, "1d") : null,
                fresh30m ? percentiles(fields, "ttft_ms_") : null,
                fresh30m ? percentiles(fields, "throughput_") : null);
    }

    private static boolean isWithin(Duration age, Duration window) {
        // A clock a little ahead on the writer gives a small negative age; that is still fresh.
        return age.compareTo(window) <= 0;
    }

    /**
     * OpenRouter's uptime: successful / (successful + errors) * 100, rate-limited requests left out of both; null
     * without requests that count.
     */
    private static @Nullable Double uptime(Map<String, String> fields, String window) {
        Long requests = integer(fields, "requests_" + window);
        Long errors = integer(fields, "errors_" + window);
        Long rateLimited = integer(fields, "rate_limited_" + window);
        long limited = rateLimited == null ? 0 : rateLimited;
        if (requests == null || errors == null || errors < 0 || limited < 0) {
            return null;
        }
        long counted = requests - limited;
        if (counted <= 0 || errors > counted) {
            return null;
        }
        return 100.0 * (counted - errors) / counted;
    }

    private static @Nullable Percentiles percentiles(Map<String, String> fields, String prefix) {
        Double p50 = decimal(fields, prefix + "p50");
        Double p75 = decimal(fields, prefix + "p75");
        Double p90 = decimal(fields, prefix + "p90");
        Double p99 = decimal(fields, prefix + "p99");
        if (p50 == null || p75 == null || p90 == null || p99 == null) {
            return null;
        }
        return new Percentiles(p50, p75, p90, p99);
    }

    private static @Nullable Long integer(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Double decimal(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value.trim());
            return Double.isFinite(parsed) && parsed >= 0 ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
