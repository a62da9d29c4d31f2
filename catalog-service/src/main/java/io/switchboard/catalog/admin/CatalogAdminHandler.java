package io.switchboard.catalog.admin;

import io.switchboard.catalog.api.Endpoint;
import io.switchboard.catalog.api.Model;
import io.switchboard.catalog.api.Provider;
import io.switchboard.catalog.source.CatalogJson;
import io.switchboard.catalog.source.EntityKind;
import io.switchboard.catalog.source.EntityRef;
import io.switchboard.catalog.state.AuditEntry;
import io.switchboard.catalog.state.CatalogRepository;
import io.switchboard.kit.error.ApiException;
import io.switchboard.kit.identity.IdentityVerificationFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The operator API's requests and responses; {@link CatalogEditor} does the work. */
class CatalogAdminHandler {

    static final int DEFAULT_AUDIT_PAGE = 50;
    static final int MAX_AUDIT_PAGE = 1000;

    private final CatalogEditor editor;
    private final CatalogRepository repository;

    CatalogAdminHandler(CatalogEditor editor, CatalogRepository repository) {
        this.editor = editor;
        this.repository = repository;
    }

    Mono<ServerResponse> list(EntityKind kind) {
        return editor.current().flatMap(current -> {
            ArrayNode entries = AdminViews.array();
            for (Object entry : CatalogEntries.all(current.catalog(), kind)) {
                entries.add(AdminViews.entry(new EntityRef(kind, idOf(entry)), entry, current));
            }
            return ok(AdminViews.envelope(entries, current.revision(), current.catalog().version()));
        });
    }

    Mono<ServerResponse> get(EntityRef ref) {
        return editor.current()
                .flatMap(current -> CatalogEntries.find(current.catalog(), ref)
                        .map(entry -> ok(AdminViews.envelope(AdminViews.entry(ref, entry, current),
                                current.revision(), current.catalog().version())))
                        .orElseGet(() -> Mono.error(ApiException.notFound("No " + ref.kind().singular() + " '"
                                + ref.id() + "' in the catalog"))));
    }

    Mono<ServerResponse> create(EntityKind kind, ServerRequest request) {
        return body(request).flatMap(entry -> {
            if (kind == EntityKind.ENDPOINT && !entry.has("id") && entry.path("provider").isString()
                    && entry.path("model").isString()) {
                // An endpoint's id is derived; saying it again is optional.
                entry.put("id", Endpoint.idOf(entry.get("provider").asString(), entry.get("model").asString()));
            }
            JsonNode id = entry.get(kind.idField());
            if (id == null || !id.isString() || id.asString().isBlank()) {
                return Mono.error(ApiException.badRequest(kind.idField() + ": is required"));
            }
            EntityRef ref = new EntityRef(kind, id.asString());
            return edit(request, new CatalogEdit.Create(ref, entry), HttpStatus.CREATED);
        });
    }

    Mono<ServerResponse> update(EntityRef ref, ServerRequest request) {
        return body(request).flatMap(patch -> edit(request, new CatalogEdit.Update(ref, patch), HttpStatus.OK));
    }

    Mono<ServerResponse> setDisabled(EntityRef ref, boolean disabled, ServerRequest request) {
        return edit(request, new CatalogEdit.SetDisabled(ref, disabled), HttpStatus.OK);
    }

    Mono<ServerResponse> revert(EntityRef ref, ServerRequest request) {
        return edit(request, new CatalogEdit.Revert(ref), HttpStatus.OK);
    }

    /** {@code ?limit=} (default 50, at most 1000) entries, newest first; {@code ?before=<id>} pages back. */
    Mono<ServerResponse> audit(ServerRequest request) {
        int limit = limit(request.queryParam("limit").orElse(null));
        String before = request.queryParam("before").filter(id -> !id.isBlank()).orElse(null);
        if (before != null && !before.matches("\\d+-\\d+")) {
            return Mono.error(ApiException.badRequest("before must be an audit entry id such as 1767225600000-0"));
        }
        return repository.audit(limit, before).collectList().flatMap(entries -> {
            ObjectNode page = CatalogJson.MAPPER.createObjectNode();
            ArrayNode data = page.putArray("data");
            entries.forEach(entry -> data.add(AdminViews.auditEntry(entry)));
            page.put("next", entries.size() < limit ? null : entries.getLast().id());
            return ok(page);
        });
    }

    private Mono<ServerResponse> edit(ServerRequest request, CatalogEdit edit, HttpStatus status) {
        return editor.apply(IdentityVerificationFilter.identityOf(request.exchange()), edit).flatMap(edited -> {
            Object entry = edited.entry();
            JsonNode data = entry == null ? null : AdminViews.entry(edit.ref(), entry, edited.current());
            return ServerResponse.status(status)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(AdminViews.envelope(data, edited.revision(), edited.catalog().version()));
        });
    }

    private static Mono<ObjectNode> body(ServerRequest request) {
        return request.bodyToMono(String.class)
                .switchIfEmpty(Mono.error(ApiException.badRequest("A JSON object is required as the body")))
                .map(text -> {
                    JsonNode json;
                    try {
                        json = CatalogJson.MAPPER.readTree(text);
                    } catch (JacksonException e) {
                        throw ApiException.badRequest("Request body is not valid JSON: " + e.getOriginalMessage());
                    }
                    if (!(json instanceof ObjectNode object)) {
                        throw ApiException.badRequest("A JSON object is required as the body");
                    }
                    return object;
                });
    }

    private static int limit(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_AUDIT_PAGE;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_AUDIT_PAGE) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("limit must be an integer from 1 to " + MAX_AUDIT_PAGE + ", got '" + value + "'");
    }

    private static String idOf(Object entry) {
        return switch (entry) {
            case Provider provider -> provider.slug();
            case Model model -> model.id();
            case Endpoint endpoint -> endpoint.id();
            default -> throw new IllegalArgumentException("Not a catalog entry: " + entry);
        };
    }

    private static Mono<ServerResponse> ok(ObjectNode body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }
}
