package io.switchboard.routing.resilience;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Endpoints that answered 429 or 503 with {@code Retry-After}: skipped until that time (capped at
 * {@code max-retry-after}), so this replica does not keep hitting a provider that asked for a pause. Kept per replica;
 * each replica learns it from its own first refused call.
 */
@Component
public class RetryAfterCooldowns {

    private final Map<String, Instant> until = new ConcurrentHashMap<>();
    private final Duration max;

    public RetryAfterCooldowns(ResilienceProperties properties) {
        this.max = properties.maxRetryAfter();
    }

    /** Skips the endpoint for {@code retryAfter} from {@code now} (the later time wins if it is already skipped). */
    public void coolDown(String endpointId, Duration retryAfter, Instant now) {
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            return;
        }
        Instant end = now.plus(retryAfter.compareTo(max) > 0 ? max : retryAfter);
        until.merge(endpointId, end, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Until when the endpoint is skipped, if it is at {@code now}. */
    public Optional<Instant> coolingUntil(String endpointId, Instant now) {
        Instant end = until.get(endpointId);
        if (end == null) {
            return Optional.empty();
        }
        if (!now.isBefore(end)) {
            until.remove(endpointId, end);
            return Optional.empty();
        }
        return Optional.of(end);
    }
}
