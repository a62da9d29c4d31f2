package io.switchboard.gateway.auth;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.switchboard.gateway.tenant.TenantIds;
import io.switchboard.kit.error.ApiException;
import io.switchboard.kit.identity.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Resolves a request's {@code Authorization: Bearer} key to its record: the operator's configured keys from memory;
 * any other key by its hash, through a short-lived in-memory cache in front of Redis (misses cached too, so a flood
 * of bad keys does not reach Redis). Unknown and malformed keys get the same 401. When Redis cannot be reached, keys
 * still in the cache keep working until their entry expires; every other key is refused with 503 (fail closed).
 */
@Component
public class ApiKeyAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticator.class);

    private final ApiKeyStore store;
    private final Clock clock;
    private final Map<String, ApiKeyRecord> operatorKeys;
    private final AsyncCache<String, Optional<ApiKeyRecord>> cache;

    public ApiKeyAuthenticator(ApiKeyStore store, AuthProperties properties, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.operatorKeys = properties.operatorKeys()
                .stream()
                .filter(key -> !key.isBlank())
                .map(key -> {
                    if (!ApiKeys.looksValid(key)) {
                        throw new IllegalStateException("An operator key is not of the form " + ApiKeys.PREFIX
                                + "<random>");
                    }
                    String hash = ApiKeys.hash(key);
                    return ApiKeyRecord.of(hash, TenantIds.OPERATOR, Role.OPERATOR, "Operator key", ApiKeys.label(key),
                            Instant.EPOCH);
                })
                .collect(Collectors.toUnmodifiableMap(ApiKeyRecord::hash, Function.identity(), (a, b) -> a));
        // The cache runs on the injected clock, so tests can let entries expire without waiting.
        this.cache = Caffeine.newBuilder()
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .expireAfterWrite(properties.cacheTtl())
                .maximumSize(properties.cacheSize())
                .buildAsync();
    }

    public Mono<ApiKeyRecord> authenticate(HttpHeaders headers) {
        String key = bearer(headers.getFirst(HttpHeaders.AUTHORIZATION));
        if (!ApiKeys.looksValid(key)) {
            return Mono.error(ApiException.unauthorized("Invalid API key"));
        }
        String hash = ApiKeys.hash(key);
        ApiKeyRecord operator = operatorKeys.get(hash);
        if (operator != null) {
            return Mono.just(operator);
        }
        return Mono.fromFuture(() -> cache.get(hash, (h, executor) -> store.find(h)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .toFuture()))
                .onErrorMap(failure -> !(failure instanceof ApiException), ApiKeyAuthenticator::unavailable)
                .flatMap(record -> record.map(this::usable)
                        .orElseGet(() -> Mono.error(ApiException.unauthorized("Invalid API key"))));
    }

    /** Forgets a cached key at once (on this replica), after it was changed or deleted here. */
    public void invalidate(String hash) {
        cache.synchronous().invalidate(hash);
    }

    private Mono<ApiKeyRecord> usable(ApiKeyRecord record) {
        if (record.disabled()) {
            return Mono.error(ApiException.unauthorized("API key is disabled"));
        }
        if (record.expiredAt(clock.instant())) {
            return Mono.error(ApiException.unauthorized("API key has expired"));
        }
        return Mono.just(record);
    }

    private static ApiException unavailable(Throwable failure) {
        log.warn("API key lookup failed: {}", failure.toString());
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                "API keys cannot be checked right now (key store unreachable); retry shortly");
    }

    private static String bearer(@Nullable String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw ApiException.unauthorized("Missing Authentication header");
        }
        String value = authorization.trim();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return value.substring(7).trim();
        }
        throw ApiException.unauthorized("Authentication header must be: Bearer <API key>");
    }
}
