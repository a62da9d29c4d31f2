package io.switchboard.gateway.ratelimit;

import io.switchboard.gateway.RedisKeys;
import io.switchboard.gateway.RedisScripts;
import io.switchboard.gateway.auth.ApiKeyRecord;
import io.switchboard.kit.error.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The per-key rate limits: one Lua script per admission takes a request (and its token estimate) from the key's
 * buckets in Redis, so limits are exact however many gateway replicas share the Redis. Time comes from the injected
 * clock; replicas' clocks need only roughly agree (the script never refills twice for a clock that lags).
 */
@Component
public class KeyRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(KeyRateLimiter.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> ADMIT = RedisScripts.load("rate-limit-admit", List.class);
    private static final RedisScript<Long> CORRECT = RedisScripts.load("rate-limit-correct", Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final RateLimitProperties properties;
    private final Clock clock;

    public KeyRateLimiter(ReactiveStringRedisTemplate redis, RateLimitProperties properties, Clock clock) {
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Admits one request of {@code key} using {@code tokens} (0 for requests that generate nothing), or refuses it
     * with 429 and the rate-limit headers. When Redis cannot be reached it admits (fail open) or refuses with 503,
     * as configured.
     */
    public Mono<RateLimitDecision> admit(ApiKeyRecord key, String requestId, long tokens) {
        long rpm = requestsPerMinute(key);
        long tpm = tokens > 0 ? tokensPerMinute(key) : 0;
        Instant now = clock.instant();
        if (rpm == 0 && tpm == 0) {
            return Mono.just(RateLimitDecision.unlimited(now));
        }
        List<String> keys = List.of(RedisKeys.requestBucket(key.hash()), RedisKeys.tokenBucket(key.hash()),
                RedisKeys.tokenEstimate(key.hash(), requestId));
        List<String> args = List.of(Long.toString(now.toEpochMilli()), Long.toString(rpm), Long.toString(tpm),
                Long.toString(tokens), Long.toString(properties.estimateTtl().toMillis()));
        return redis.execute(ADMIT, keys, args)
                .next()
                .map(reply -> decision(reply, now))
                .onErrorResume(failure -> unreachable(failure, now))
                .flatMap(decision -> decision.admitted() ? Mono.just(decision) : Mono.error(tooMany(decision)));
    }

    /**
     * Gives back the difference between a request's token estimate and the {@code used} tokens (0 when it generated
     * nothing). At most once per request; a no-op for requests without an open estimate.
     */
    public Mono<Boolean> correct(String keyHash, String requestId, long used) {
        return redis.execute(CORRECT, List.of(RedisKeys.tokenBucket(keyHash), RedisKeys.tokenEstimate(keyHash,
                requestId)), List.of(Long.toString(clock.millis()), Long.toString(used)))
                .next()
                .map(corrected -> corrected == 1L);
    }

    public long requestsPerMinute(ApiKeyRecord key) {
        Integer own = key.rateLimits().requestsPerMinute();
        return own != null ? own : properties.defaultRequestsPerMinute();
    }

    public long tokensPerMinute(ApiKeyRecord key) {
        Integer own = key.rateLimits().tokensPerMinute();
        return own != null ? own : properties.defaultTokensPerMinute();
    }

    private Mono<RateLimitDecision> unreachable(Throwable failure, Instant now) {
        if (properties.failOpen()) {
            log.warn("Rate limits not applied, Redis unreachable (failing open): {}", failure.toString());
            return Mono.just(RateLimitDecision.unlimited(now));
        }
        log.warn("Request refused, rate limits cannot be checked (failing closed): {}", failure.toString());
        return Mono.error(new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                "Rate limits cannot be checked right now; retry shortly"));
    }

    private static RateLimitDecision decision(List<?> reply, Instant now) {
        boolean admitted = number(reply, 0) == 1;
        return new RateLimitDecision(admitted, RateLimitDecision.Kind.of(number(reply, 1)), number(reply, 2),
                number(reply, 3), now.plusMillis(number(reply, 4)), Duration.ofMillis(number(reply, 5)));
    }

    private static long number(List<?> reply, int index) {
        return ((Number) reply.get(index)).longValue();
    }

    private static ApiException tooMany(RateLimitDecision decision) {
        String what = decision.kind() == RateLimitDecision.Kind.TOKENS ? "tokens" : "requests";
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("limit", decision.kind().field());
        metadata.put("limit_value", decision.limit());
        metadata.put("retry_after_seconds", Long.valueOf(decision.headers().getFirst("Retry-After")));
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "Rate limit exceeded: this key may use "
                + decision.limit() + " " + what + " per minute", metadata, decision.headers());
    }
}
