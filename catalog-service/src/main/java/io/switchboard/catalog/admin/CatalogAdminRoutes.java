package io.switchboard.catalog.admin;

import io.switchboard.catalog.source.EntityKind;
import io.switchboard.catalog.source.EntityRef;
import java.util.function.Function;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The routes of {@code /api/v1/admin/catalog}. For each kind ({@code providers}, {@code models}, {@code endpoints}):
 * {@code GET} the list, {@code POST} a new entry, and on one entry {@code GET}, {@code PATCH} (JSON Merge Patch),
 * {@code POST .../disable}, {@code POST .../enable} and {@code DELETE .../edits} (back to the file's version). One entry
 * is addressed by its id: {@code providers/{slug}}, {@code models/{author}/{slug}},
 * {@code endpoints/{provider}/{author}/{slug}}. {@code GET /audit} pages through the audit log.
 */
final class CatalogAdminRoutes {

    static final String BASE = "/api/v1/admin/catalog";

    private CatalogAdminRoutes() {
    }

    static RouterFunction<ServerResponse> routes(CatalogAdminHandler handler) {
        return RouterFunctions.route()
                .path(BASE, base -> base.GET("/audit", handler::audit)
                        .add(entries(handler, EntityKind.PROVIDER, "/providers", "/{slug}",
                                request -> request.pathVariable("slug")))
                        .add(entries(handler, EntityKind.MODEL, "/models", "/{author}/{slug}",
                                CatalogAdminRoutes::modelId))
                        .add(entries(handler, EntityKind.ENDPOINT, "/endpoints", "/{provider}/{author}/{slug}",
                                request -> request.pathVariable("provider") + ":" + modelId(request))))
                .filter(new OperatorOnly())
                .build();
    }

    private static RouterFunction<ServerResponse> entries(CatalogAdminHandler handler, EntityKind kind, String list,
            String one, Function<ServerRequest, String> id) {
        Function<ServerRequest, EntityRef> ref = request -> new EntityRef(kind, id.apply(request));
        return RouterFunctions.route()
                .GET(list, request -> handler.list(kind))
                .POST(list, request -> handler.create(kind, request))
                .GET(list + one, request -> handler.get(ref.apply(request)))
                .PATCH(list + one, request -> handler.update(ref.apply(request), request))
                .POST(list + one + "/disable", request -> handler.setDisabled(ref.apply(request), true, request))
                .POST(list + one + "/enable", request -> handler.setDisabled(ref.apply(request), false, request))
                .DELETE(list + one + "/edits", request -> handler.revert(ref.apply(request), request))
                .build();
    }

    private static String modelId(ServerRequest request) {
        return request.pathVariable("author") + "/" + request.pathVariable("slug");
    }
}
