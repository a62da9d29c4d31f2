package io.switchboard.gateway.keys;

import io.switchboard.gateway.access.Roles;
import io.switchboard.gateway.auth.ApiKeyAuthenticator;
import io.switchboard.gateway.auth.ApiKeyRecord;
import io.switchboard.gateway.auth.ApiKeyStore;
import io.switchboard.gateway.auth.ApiKeys;
import io.switchboard.gateway.auth.AuthenticationFilter;
import io.switchboard.gateway.hygiene.JsonBodies;
import io.switchboard.gateway.hygiene.JsonBody;
import io.switchboard.gateway.hygiene.Paging;
import io.switchboard.kit.error.ApiException;
import io.switchboard.kit.identity.Role;
import io.switchboard.kit.ids.RandomIds;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The keys API. {@code GET /key} answers for any key about itself. The rest needs a management key and only ever
 * sees the inference keys of the caller's own tenant: another tenant's key, a management key or a key that does not
 * exist all answer the same 404, so hashes cannot be probed. The plaintext of a key is returned once, by the
 * {@code POST} that creates it, and never logged.
 */
@Component
public class KeysHandler {

    /** Keys per page of {@code GET /keys}, as OpenRouter's ("the most recent 100"). */
    static final int PAGE_SIZE = 100;

    private static final Set<Role> MANAGERS = Set.of(Role.MANAGER);

    private final ApiKeyStore store;
    private final ApiKeyAuthenticator authenticator;
    private final KeyViews views;
    private final JsonBodies bodies;
    private final RandomIds ids;
    private final Clock clock;

    public KeysHandler(ApiKeyStore store, ApiKeyAuthenticator authenticator, KeyViews views, JsonBodies bodies,
            RandomIds ids, Clock clock) {
        this.store = store;
        this.authenticator = authenticator;
        this.views = views;
        this.bodies = bodies;
        this.ids = ids;
        this.clock = clock;
    }

    /** {@code GET /api/v1/key}: the calling key. */
    public Mono<ServerResponse> current(ServerRequest request) {
        ApiKeyRecord caller = AuthenticationFilter.callerOf(request.exchange());
        return views.current(caller).flatMap(view -> ok(Map.of("data", view)));
    }

    /** {@code GET /api/v1/keys?include_disabled=&offset=}: the tenant's inference keys, newest first. */
    public Mono<ServerResponse> list(ServerRequest request) {
        ApiKeyRecord caller = manager(request);
        boolean includeDisabled = includeDisabled(request);
        long offset = Paging.offset(request);
        return store.all(caller.tenantId(), Role.USER)
                .filter(key -> includeDisabled || !key.disabled())
                .skip(offset)
                .take(PAGE_SIZE)
                .flatMapSequential(views::of, 16)
                .collectList()
                .flatMap(keys -> ok(Map.of("data", keys)));
    }

    /** {@code POST /api/v1/keys}: a new inference key of the caller's tenant; 201 with its plaintext, once. */
    public Mono<ServerResponse> create(ServerRequest request) {
        ApiKeyRecord caller = manager(request);
        return body(request).flatMap(body -> {
            Instant now = now();
            KeySettings settings = KeyRequests.create(body.json(), now);
            String key = ApiKeys.generate(ids);
            ApiKeyRecord record = newKey(key, caller.tenantId(), Role.USER, settings, now);
            return store.create(record)
                    .flatMap(created -> created
                            ? created(Map.of("data", views.ofNew(record), "key", key))
                            : Mono.error(new IllegalStateException("a freshly generated key collided")));
        });
    }

    /** {@code GET /api/v1/keys/{hash}}. */
    public Mono<ServerResponse> get(ServerRequest request) {
        ApiKeyRecord caller = manager(request);
        String hash = hash(request);
        return owned(caller, hash).flatMap(views::of).flatMap(view -> ok(Map.of("data", view)));
    }

    /** {@code PATCH /api/v1/keys/{hash}}: changes only the fields in the body. */
    public Mono<ServerResponse> update(ServerRequest request) {
        ApiKeyRecord caller = manager(request);
        String hash = hash(request);
        return body(request).flatMap(body -> {
            KeyRequests.Changes changes = KeyRequests.changes(body.json(), now());
            return store.update(hash, caller.tenantId(), Role.USER, changes.set(), changes.remove());
        }).flatMap(updated -> {
            if (!updated) {
                return Mono.error(notFound(hash));
            }
            authenticator.invalidate(hash);
            return owned(caller, hash).flatMap(views::of).flatMap(view -> ok(Map.of("data", view)));
        });
    }

    /** {@code DELETE /api/v1/keys/{hash}}: the key stops working (on other replicas within the key cache's TTL). */
    public Mono<ServerResponse> delete(ServerRequest request) {
        ApiKeyRecord caller = manager(request);
        String hash = hash(request);
        return store.delete(hash, caller.tenantId(), Role.USER).flatMap(deleted -> {
            if (!deleted) {
                return Mono.error(notFound(hash));
            }
            authenticator.invalidate(hash);
            return ok(Map.of("deleted", true));
        });
    }

    /** A key record for a new key (also used for management keys by the operator API). */
    public static ApiKeyRecord newKey(String key, String tenant, Role role, KeySettings settings, Instant now) {
        return new ApiKeyRecord(ApiKeys.hash(key), tenant, role, settings.name(), ApiKeys.label(key), false,
                settings.limit(), settings.rateLimits(), settings.allowedModels(), settings.includeByokInLimit(),
                settings.creatorUserId(), now, null, settings.expiresAt());
    }

    private Mono<ApiKeyRecord> owned(ApiKeyRecord caller, String hash) {
        return store.find(hash)
                .filter(key -> key.tenantId().equals(caller.tenantId()) && key.role() == Role.USER)
                .switchIfEmpty(Mono.error(() -> notFound(hash)));
    }

    private Mono<JsonBody> body(ServerRequest request) {
        return bodies.read(request.exchange().getRequest())
                .switchIfEmpty(Mono.error(() -> ApiException.badRequest("A JSON request body is required")));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ApiKeyRecord manager(ServerRequest request) {
        ApiKeyRecord caller = AuthenticationFilter.callerOf(request.exchange());
        Roles.require(caller, MANAGERS);
        return caller;
    }

    private static String hash(ServerRequest request) {
        String hash = request.pathVariable("hash");
        if (!ApiKeys.looksLikeHash(hash)) {
            throw notFound(hash);
        }
        return hash;
    }

    private static boolean includeDisabled(ServerRequest request) {
        String value = request.queryParam("include_disabled").orElse("false");
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("include_disabled: must be true or false");
        };
    }

    static ApiException notFound(String hash) {
        return new ApiException(HttpStatus.NOT_FOUND, "API key not found");
    }

    private static Mono<ServerResponse> ok(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private static Mono<ServerResponse> created(Object body) {
        return ServerResponse.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }
}
