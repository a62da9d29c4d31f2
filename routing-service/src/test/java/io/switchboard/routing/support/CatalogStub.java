package io.switchboard.routing.support;

import io.switchboard.catalog.api.CatalogSnapshot;
import java.util.concurrent.atomic.AtomicReference;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/** Plays catalog-service's {@code GET /internal/v1/catalog} with a snapshot the test sets. */
public final class CatalogStub implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AtomicReference<CatalogSnapshot> snapshot;
    private final DisposableServer server;

    public CatalogStub(CatalogSnapshot initial) {
        this.snapshot = new AtomicReference<>(initial);
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.get("/internal/v1/catalog", (request, response) -> response
                        .header("Content-Type", "application/json")
                        .header("ETag", "\"" + snapshot.get().version() + "\"")
                        .sendString(reactor.core.publisher.Mono.fromSupplier(
                                () -> JSON.writeValueAsString(snapshot.get())))))
                .bindNow();
    }

    public void set(CatalogSnapshot next) {
        snapshot.set(next);
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
