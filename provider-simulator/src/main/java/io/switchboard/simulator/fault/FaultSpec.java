package io.switchboard.simulator.fault;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A fault as JSON, in the admin API ({@code PUT /_simulator/faults/{prefix}}) and in a request
 * ({@code "simulator": {"fault": {...}}}):
 *
 * <pre>
 * {"type": "http_error", "status": 503, "message": "overloaded", "retry_after_seconds": 2}
 * {"type": "slow_first_token", "delay_ms": 5000}
 * {"type": "stall", "after_tokens": 3, "duration_ms": 10000}      (duration_ms absent: for good)
 * {"type": "disconnect", "after_tokens": 3}
 * {"type": "malformed_chunk", "after_tokens": 3}
 * </pre>
 *
 * {@code "times": n} (admin API only) applies the fault to the next n requests of the prefix, then clears it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FaultSpec(@Nullable String type, @Nullable Integer status, @Nullable String message,
        @Nullable Long retryAfterSeconds, @Nullable Long delayMs, @Nullable Integer afterTokens,
        @Nullable Long durationMs, @Nullable Integer times) {

    /** The fault this spec describes; an {@link IllegalArgumentException} naming the field when it is not valid. */
    public Fault toFault() {
        if (type == null) {
            throw new IllegalArgumentException("type: required (http_error, slow_first_token, stall, disconnect, "
                    + "malformed_chunk)");
        }
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times: must be at least 1, was " + times);
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "http_error" -> {
                if (status == null) {
                    throw new IllegalArgumentException("status: required for http_error");
                }
                yield new Fault.HttpError(status, message,
                        retryAfterSeconds == null
                                ? null
                                : Duration.ofSeconds(notNegative("retry_after_seconds",
                                        retryAfterSeconds)));
            }
            case "slow_first_token" -> new Fault.SlowFirstToken(Duration.ofMillis(notNegative("delay_ms",
                    required("delay_ms", delayMs))));
            case "stall" -> new Fault.Stall(tokens(),
                    durationMs == null ? null : Duration.ofMillis(notNegative("duration_ms", durationMs)));
            case "disconnect" -> new Fault.Disconnect(tokens());
            case "malformed_chunk" -> new Fault.MalformedChunk(tokens());
            default -> throw new IllegalArgumentException("type: unknown fault '" + type + "'");
        };
    }

    private int tokens() {
        return (int) notNegative("after_tokens", afterTokens == null ? 0 : afterTokens);
    }

    private static long required(String field, @Nullable Long value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": required");
        }
        return value;
    }

    private static long notNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + ": must not be negative, was " + value);
        }
        return value;
    }
}
