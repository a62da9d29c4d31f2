package io.switchboard.routing.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.switchboard.routing.provider.ProviderException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * What counts as the provider's fault, and the failures routing itself raises for an endpoint it does not call. A
 * provider's fault (connection error, timeout, 5xx, 429, an invalid response) opens its circuit breaker and lets
 * another endpoint serve the request; a refusal of the request itself (any other 4xx) does neither, since every
 * endpoint would refuse it alike (https://openrouter.ai/docs/api/errors).
 */
public final class ProviderFaults {

    private ProviderFaults() {
    }

    /** Whether the failure is the endpoint's: recorded by its breaker and a reason to try the next endpoint. */
    public static boolean isProviderFault(Throwable failure) {
        return failure instanceof ProviderException provider && provider.retryable();
    }

    /** Whether the failure is a timeout, of an attempt or of the whole request. */
    public static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the endpoint was not called because its breaker is open. */
    public static boolean isBreakerOpen(Throwable failure) {
        return failure.getCause() instanceof CallNotPermittedException;
    }

    /**
     * An attempt's failure as a {@link ProviderException}: a provider's stream that cannot be parsed or ends oddly
     * is an invalid response from that provider, which OpenRouter fails over (502).
     */
    public static ProviderException asProviderException(Throwable failure) {
        if (failure instanceof ProviderException provider) {
            return provider;
        }
        if (failure instanceof CallNotPermittedException open) {
            return new ProviderException(null, "Circuit breaker open: recent failures", true, null, open);
        }
        if (failure instanceof TimeoutException timeout) {
            return ProviderException.ofTransport(timeout.getMessage() == null ? "Timed out" : timeout.getMessage(),
                    timeout);
        }
        return new ProviderException(502, "Invalid response from provider: " + failure, true, null, failure);
    }

    /** The endpoint answered 429 or 503 with {@code Retry-After} recently, and that time has not passed. */
    public static ProviderException coolingDown(Instant until, Duration remaining) {
        return new ProviderException(429, "Skipped: the provider asked to retry after " + until, true, remaining,
                null);
    }

    /** The whole request ran out of time ({@code timeouts.total}); no endpoint is tried after this. */
    public static ProviderException requestTimedOut(Duration total) {
        return new ProviderException(408, "Request timed out after " + total, false, null,
                new TimeoutException("total timeout " + total));
    }

    /** An attempt waited too long for its first chunk, or for the next one. */
    public static TimeoutException attemptTimedOut(boolean firstChunk, Duration limit) {
        return new TimeoutException((firstChunk ? "No first token within " : "Stream idle for more than ") + limit);
    }

    static @Nullable Duration retryAfterOf(Throwable failure) {
        if (failure instanceof ProviderException provider && provider.status() != null
                && (provider.status() == 429 || provider.status() == 503)) {
            return provider.retryAfter();
        }
        return null;
    }
}
