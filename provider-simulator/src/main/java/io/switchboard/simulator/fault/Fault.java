package io.switchboard.simulator.fault;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Something a provider does wrong. A closed set: every wire format must render each case. */
public sealed interface Fault {

    /**
     * Answers with an HTTP error status instead of a completion, in the format's error shape.
     *
     * @param status 4xx or 5xx
     * @param message the error message, null for a default of the status
     * @param retryAfter sent as {@code Retry-After} (whole seconds) when set, as providers do with 429 and 503
     */
    record HttpError(int status, @Nullable String message, @Nullable Duration retryAfter) implements Fault {

        public HttpError {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("status must be 4xx or 5xx, was " + status);
            }
        }

        public String messageOrDefault() {
            if (message != null) {
                return message;
            }
            return switch (status) {
                case 429 -> "Rate limit reached for requests";
                case 500 -> "The server had an error while processing your request";
                case 503 -> "The engine is currently overloaded, please try again later";
                default -> "Simulated error " + status;
            };
        }
    }

    /** Waits this much longer before the first token (before the whole response, when not streamed). */
    record SlowFirstToken(Duration delay) implements Fault {
    }

    /**
     * Stops sending after {@code afterTokens} tokens, with the connection open: for {@code duration}, or for good when
     * null (until the client gives up).
     */
    record Stall(int afterTokens, @Nullable Duration duration) implements Fault {
    }

    /** Closes the connection abruptly after {@code afterTokens} tokens, mid-stream, without ending the response. */
    record Disconnect(int afterTokens) implements Fault {
    }

    /** Sends a chunk that is not valid JSON after {@code afterTokens} tokens, then carries on. */
    record MalformedChunk(int afterTokens) implements Fault {
    }
}
