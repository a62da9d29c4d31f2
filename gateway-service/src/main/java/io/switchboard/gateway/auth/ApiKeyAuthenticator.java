package io.switchboard.gateway.auth;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.switchboard.kit.error.ApiException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Resolves a request's {@code Authorization: Bearer} key to its record: hash, then a short-lived in-memory cache in
 * front of Redis (misses cached too, so a flood of bad keys does not reach Redis). Unknown, disabled and malformed
 * keys get the same 401.
 */
@Component
public class ApiKeyAuthenticator {

    private final ApiKeyStore store;
    private final AsyncCache<String, Optional<ApiKeyRecord>> cache;

    public ApiKeyAuthenticator(ApiKeyStore store, AuthProperties properties) {
        this.store = store;
        this.cache = Caffeine.newBuilder()
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
        return Mono.fromFuture(() -> cache.get(hash, (h, executor) -> store.find(h)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .toFuture()))
                .flatMap(record -> record.filter(r -> !r.disabled())
                        .map(Mono::just)
                        .orElseGet(() -> Mono.error(ApiException.unauthorized("Invalid API key"))));
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
