package io.switchboard.routing.provider;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A provider call that failed. {@link #retryable()} says whether the failure is the provider's (connection errors,
 * timeouts, 5xx, 429), so another endpoint may serve the request, or the request's (other 4xx), so none would.
 */
public final class ProviderException extends RuntimeException {

    private final @Nullable Integer status;
    private final boolean retryable;
    private final @Nullable Duration retryAfter;
    private final boolean answeredWithStatus;

    public ProviderException(@Nullable Integer status, String message, boolean retryable,
            @Nullable Duration retryAfter, @Nullable Throwable cause) {
        this(status, message, retryable, retryAfter, cause, false);
    }

    private ProviderException(@Nullable Integer status, String message, boolean retryable,
            @Nullable Duration retryAfter, @Nullable Throwable cause, boolean answeredWithStatus) {
        super(message, cause, false, false);
        this.status = status;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
        this.answeredWithStatus = answeredWithStatus;
    }

    /** Classifies an HTTP error status (or an error the provider declared in its stream) the way OpenRouter fails over. */
    public static ProviderException ofStatus(int status, String message, @Nullable Duration retryAfter) {
        boolean retryable = status >= 500 || status == 429 || status == 408;
        return new ProviderException(status, message, retryable, retryAfter, null, true);
    }

    /**
     * A request this provider's format cannot express (a content part it has no equivalent for, arguments it cannot
     * carry): the request's fault, so not retried elsewhere, answered 400.
     */
    public static ProviderException unsupported(String message) {
        return new ProviderException(400, message, false, null, null);
    }

    /** A stream that ended before the provider's end marker: cut, so another endpoint may be tried before output. */
    public static ProviderException truncated(String message) {
        return new ProviderException(502, message, true, null, null);
    }

    public static ProviderException ofTransport(String message, Throwable cause) {
        return new ProviderException(null, message, true, null, cause);
    }

    /** The provider's HTTP status, or null for a connection failure or timeout. */
    public @Nullable Integer status() {
        return status;
    }

    public boolean retryable() {
        return retryable;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    /**
     * Whether the provider answered with something we could not use (unparseable, cut short, empty) rather than an
     * error it declared: reported as a 502, counted apart in the metrics.
     */
    public boolean invalidResponse() {
        return status != null && status == 502 && !answeredWithStatus;
    }
}
