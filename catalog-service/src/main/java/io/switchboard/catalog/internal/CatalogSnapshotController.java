package io.switchboard.catalog.internal;

import io.switchboard.catalog.store.CatalogStore;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /internal/v1/catalog}: the whole catalog snapshot for routing-service, which polls it with
 * {@code If-None-Match}. The ETag is the snapshot version; WebFlux answers a matching {@code If-None-Match} with 304
 * and no body ({@code ResponseEntityResultHandler} checks it before writing), so an unchanged poll costs a string
 * compare, the JSON being serialised once per version.
 * {@code no-cache} lets intermediaries store it but makes them revalidate every time.
 */
@RestController
class CatalogSnapshotController {

    static final String PATH = "/internal/v1/catalog";

    private final CatalogStore store;
    private final SerializedSnapshots serialized;

    CatalogSnapshotController(CatalogStore store, JsonMapper mapper) {
        this.store = store;
        this.serialized = new SerializedSnapshots(mapper);
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> catalog() {
        SerializedSnapshots.SerializedSnapshot snapshot = serialized.of(store.current());
        return ResponseEntity.ok()
                .eTag(snapshot.version())
                .cacheControl(CacheControl.noCache())
                .contentType(MediaType.APPLICATION_JSON)
                .body(snapshot.json());
    }
}
