package io.switchboard.routing.completion;

import io.switchboard.kit.error.ApiException;
import io.switchboard.routing.provider.ProviderException;
import io.switchboard.routing.resilience.ProviderFaults;
import io.switchboard.routing.selection.Candidate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * What a client is told when no endpoint served its request, in OpenRouter's error JSON with its status
 * (https://openrouter.ai/docs/api/errors), the provider's own error in {@code metadata}:
 * <ul>
 * <li>the request's own fault as the provider stated it (a 4xx other than 408/429): that status;
 * <li>the whole request timed out, or the last provider did: 408;
 * <li>the last provider was rate limiting: 429, with its {@code Retry-After};
 * <li>every endpoint was skipped for recent failures (breakers open): 503;
 * <li>anything else: 502, "your chosen model is down or we received an invalid response from it".
 * </ul>
 * A failure of an endpoint that was called outranks a skip of one that was not: it says more about the model.
 */
final class RoutingErrors {

    private RoutingErrors() {
    }

    static ApiException clientError(Throwable failure, GenerationTracker tracker) {
        Throwable decisive = failure;
        Candidate provider = tracker.lastTried();
        boolean requestTimedOut = failure instanceof ProviderException p && !p.retryable()
                && ProviderFaults.isTimeout(failure);
        if (!requestTimedOut && tracker.lastCallFailure() != null && ProviderFaults.isProviderFault(failure)) {
            decisive = tracker.lastCallFailure();
            provider = tracker.lastCalled();
        }
        Map<String, Object> metadata = metadata(decisive, provider);
        if (ProviderFaults.isTimeout(decisive)) {
            return new ApiException(HttpStatus.REQUEST_TIMEOUT, "Request timed out: " + decisive.getMessage(),
                    metadata);
        }
        if (decisive instanceof ProviderException rejected && rejected.status() != null) {
            int status = rejected.status();
            if (!rejected.retryable()) {
                return new ApiException(HttpStatusCode.valueOf(status), "Provider returned error", metadata);
            }
            if (status == 429) {
                return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "Provider is rate limiting; try again later",
                        metadata, retryAfter(rejected.retryAfter()));
            }
        }
        if (ProviderFaults.isBreakerOpen(decisive)) {
            return new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                    "No provider is available for this model right now; every endpoint failed recently", metadata);
        }
        return new ApiException(HttpStatus.BAD_GATEWAY, "Provider returned error", metadata);
    }

    private static Map<String, Object> metadata(Throwable failure, @Nullable Candidate provider) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (provider != null) {
            metadata.put("provider_name", provider.provider().name());
        }
        metadata.put("raw", failure.getMessage() == null ? failure.toString() : failure.getMessage());
        return metadata;
    }

    private static HttpHeaders retryAfter(@Nullable Duration retryAfter) {
        HttpHeaders headers = new HttpHeaders();
        if (retryAfter != null) {
            // Whole seconds, rounded up, so a client waiting that long finds the pause over.
            long seconds = (retryAfter.toMillis() + 999) / 1000;
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds)));
        }
        return headers;
    }
}
