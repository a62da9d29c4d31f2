package io.switchboard.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;

/**
 * What the rate limiter decided for one request.
 *
 * @param admitted whether the request may go on
 * @param kind the limit that refused it, or the one reported when admitted
 * @param limit that limit's size per minute
 * @param remaining what is left of it after this request
 * @param resetAt when its bucket is full again
 * @param retryAfter how long until this request could pass (zero when admitted)
 */
public record RateLimitDecision(boolean admitted, Kind kind, long limit, long remaining, Instant resetAt,
        Duration retryAfter) {

    /** Which limit; {@link #NONE} when the key has none (or Redis was unreachable and limits failed open). */
    public enum Kind {
        NONE, REQUESTS, TOKENS;

        static Kind of(long code) {
            return switch ((int) code) {
                case 1 -> REQUESTS;
                case 2 -> TOKENS;
                default -> NONE;
            };
        }

        /** Its name in keys API bodies and error metadata. */
        public String field() {
            return switch (this) {
                case NONE -> "none";
                case REQUESTS -> "requests_per_minute";
                case TOKENS -> "tokens_per_minute";
            };
        }
    }

    public static RateLimitDecision unlimited(Instant now) {
        return new RateLimitDecision(true, Kind.NONE, 0, 0, now, Duration.ZERO);
    }

    /**
     * {@code X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset} (epoch milliseconds, as OpenRouter sends
     * it), plus {@code Retry-After} (whole seconds, at least 1) when refused; nothing without a limit.
     */
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        if (kind == Kind.NONE) {
            return headers;
        }
        headers.set("X-RateLimit-Limit", Long.toString(limit));
        headers.set("X-RateLimit-Remaining", Long.toString(Math.max(0, remaining)));
        headers.set("X-RateLimit-Reset", Long.toString(resetAt.toEpochMilli()));
        if (!admitted) {
            long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        return headers;
    }
}
