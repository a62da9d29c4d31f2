package io.switchboard.gateway.tenant;

import io.switchboard.gateway.access.Roles;
import io.switchboard.gateway.auth.ApiKeyAuthenticator;
import io.switchboard.gateway.auth.ApiKeyRecord;
import io.switchboard.gateway.auth.ApiKeyStore;
import io.switchboard.gateway.auth.ApiKeys;
import io.switchboard.gateway.auth.AuthenticationFilter;
import io.switchboard.gateway.hygiene.JsonBodies;
import io.switchboard.gateway.hygiene.Paging;
import io.switchboard.gateway.keys.KeyRequests;
import io.switchboard.gateway.keys.KeySettings;
import io.switchboard.gateway.keys.KeyViews;
import io.switchboard.gateway.keys.KeysHandler;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The operator API ({@code /api/v1/admin/tenants}, operator keys only): creates tenants, each with a first
 * management key, and creates, lists and deletes tenants' management keys. Management keys then create their
 * tenant's inference keys through {@code /api/v1/keys}. A plaintext key is returned once, when created.
 */
@Component
public class TenantsHandler {

    static final int PAGE_SIZE = 100;

    private static final Set<Role> OPERATORS = Set.of(Role.OPERATOR);

    private final TenantStore tenants;
    private final ApiKeyStore keys;
    private final ApiKeyAuthenticator authenticator;
    private final KeyViews views;
    private final JsonBodies bodies;
    private final RandomIds ids;
    private final Clock clock;

    public TenantsHandler(TenantStore tenants, ApiKeyStore keys, ApiKeyAuthenticator authenticator, KeyViews views,
            JsonBodies bodies, RandomIds ids, Clock clock) {
        this.tenants = tenants;
        this.keys = keys;
        this.authenticator = authenticator;
        this.views = views;
        this.bodies = bodies;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * {@code POST /api/v1/admin/tenants} with {@code {"id": "acme", "name": "Acme"}}: 201 with the tenant and its
     * first management key; 409 if the id is taken.
     */
    public Mono<ServerResponse> create(ServerRequest request) {
        operator(request);
        return body(request).flatMap(body -> {
            String id = tenantId(body.get("id"));
            String name = optionalName(body, id);
            Instant now = now();
            Tenant tenant = new Tenant(id, name, now);
            return tenants.create(tenant).flatMap(created -> {
                if (!created) {
                    return Mono.error(new ApiException(HttpStatus.CONFLICT, "Tenant " + id + " already exists"));
                }
                return newManagementKey(id, "Management key", now).flatMap(key -> respond(HttpStatus.CREATED,
                        Map.of("data", TenantView.of(tenant), "management_key", key)));
            });
        });
    }

    /** {@code GET /api/v1/admin/tenants?offset=}: tenants, oldest first, 100 per page. */
    public Mono<ServerResponse> list(ServerRequest request) {
        operator(request);
        long offset = Paging.offset(request);
        return tenants.page(offset, PAGE_SIZE)
                .map(TenantView::of)
                .collectList()
                .flatMap(page -> respond(HttpStatus.OK, Map.of("data", page)));
    }

    /** {@code GET /api/v1/admin/tenants/{tenant}}. */
    public Mono<ServerResponse> get(ServerRequest request) {
        operator(request);
        return existing(request).flatMap(tenant -> respond(HttpStatus.OK, Map.of("data", TenantView.of(tenant))));
    }

    /** {@code POST /api/v1/admin/tenants/{tenant}/keys} with {@code {"name": ...}}: another management key, 201. */
    public Mono<ServerResponse> createKey(ServerRequest request) {
        operator(request);
        return existing(request).flatMap(tenant -> body(request).flatMap(body -> {
            return newManagementKey(tenant.id(), optionalName(body, "Management key"), now());
        })).flatMap(key -> respond(HttpStatus.CREATED, key));
    }

    /** {@code GET /api/v1/admin/tenants/{tenant}/keys}: the tenant's management keys, newest first. */
    public Mono<ServerResponse> listKeys(ServerRequest request) {
        operator(request);
        return existing(request).flatMapMany(tenant -> keys.all(tenant.id(), Role.MANAGER))
                .skip(Paging.offset(request))
                .take(PAGE_SIZE)
                .flatMapSequential(views::of, 16)
                .collectList()
                .flatMap(page -> respond(HttpStatus.OK, Map.of("data", page)));
    }

    /** {@code DELETE /api/v1/admin/tenants/{tenant}/keys/{hash}}: revokes a management key. */
    public Mono<ServerResponse> deleteKey(ServerRequest request) {
        operator(request);
        String hash = request.pathVariable("hash");
        return existing(request).flatMap(tenant -> ApiKeys.looksLikeHash(hash)
                ? keys.delete(hash, tenant.id(), Role.MANAGER)
                : Mono.just(false)).flatMap(deleted -> {
                    if (!deleted) {
                        return Mono.error(new ApiException(HttpStatus.NOT_FOUND, "Management key not found"));
                    }
                    authenticator.invalidate(hash);
                    return respond(HttpStatus.OK, Map.of("deleted", true));
                });
    }

    private Mono<Map<String, Object>> newManagementKey(String tenant, String name, Instant now) {
        String key = ApiKeys.generate(ids);
        ApiKeyRecord record = KeysHandler.newKey(key, tenant, Role.MANAGER, new KeySettings(name, null, false, null,
                null, ApiKeyRecord.RateLimits.DEFAULTS, null), now);
        return keys.create(record)
                .flatMap(created -> created
                        ? Mono.just(Map.<String, Object>of("data", views.ofNew(record), "key", key))
                        : Mono.error(new IllegalStateException("a freshly generated key collided")));
    }

    private Mono<Tenant> existing(ServerRequest request) {
        String id = request.pathVariable("tenant");
        if (!TenantIds.isValid(id)) {
            return Mono.error(notFound());
        }
        return tenants.find(id).switchIfEmpty(Mono.error(TenantsHandler::notFound));
    }

    private Mono<JsonNode> body(ServerRequest request) {
        return bodies.read(request.exchange().getRequest())
                .map(body -> body.json())
                .switchIfEmpty(Mono.error(() -> ApiException.badRequest("A JSON request body is required")))
                .map(json -> {
                    if (!json.isObject()) {
                        throw ApiException.badRequest("Request body must be a JSON object");
                    }
                    return json;
                });
    }

    private static String optionalName(JsonNode body, String fallback) {
        JsonNode name = body.get("name");
        return name == null || name.isNull() ? fallback : KeyRequests.name(name);
    }

    private static String tenantId(JsonNode id) {
        if (id == null || !id.isString() || !TenantIds.isValid(id.asString())) {
            throw ApiException.badRequest("id: 1 to 63 lower-case letters, digits and '-', starting with a letter "
                    + "or digit");
        }
        return id.asString();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void operator(ServerRequest request) {
        Roles.require(AuthenticationFilter.callerOf(request.exchange()), OPERATORS);
    }

    private static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "Tenant not found");
    }

    private static Mono<ServerResponse> respond(HttpStatus status, Object body) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    /**
     * A tenant as the operator API shows it.
     *
     * @param id its id
     * @param name its name
     * @param createdAt when it was created
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TenantView(String id, String name, Instant createdAt) {

        static TenantView of(Tenant tenant) {
            return new TenantView(tenant.id(), tenant.name(), tenant.createdAt());
        }
    }
}
