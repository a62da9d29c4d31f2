package io.switchboard.catalog.internal;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.store.CatalogStore;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /internal/v1/catalog}: the whole catalog snapshot for routing-service and the gateway, which poll it with
 * {@code If-None-Match}. The ETag is the snapshot version; WebFlux answers a matching {@code If-None-Match} with 304
 * and no body ({@code ResponseEntityResultHandler} checks it before writing), so an unchanged poll costs a string
 * compare, the JSON being serialised once per version. {@code no-cache} lets intermediaries store it but makes them
 * revalidate every time.
 *
 * <p>With {@code Prefer: wait=N} and the current version in {@code If-None-Match}, the answer waits until the catalog
 * changes (200 with the new one, at once) or {@code N} seconds pass (304): a change reaches every client within
 * milliseconds, and an idle client costs one request per {@code N} seconds.
 */
@RestController
class CatalogSnapshotController {

    static final String PATH = "/internal/v1/catalog";

    private final CatalogStore store;
    private final SerializedSnapshots serialized;
    private final Duration maxWait;

    CatalogSnapshotController(CatalogStore store, JsonMapper mapper, LongPollProperties longPoll) {
        this.store = store;
        this.serialized = new SerializedSnapshots(mapper);
        this.maxWait = longPoll.maxWait();
    }

    @GetMapping(PATH)
    Mono<ResponseEntity<byte[]>> catalog(
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
            @RequestHeader(name = LongPoll.PREFER, required = false) @Nullable String prefer) {
        CatalogSnapshot current = store.current();
        Duration wait = LongPoll.requestedWait(prefer, maxWait);
        if (wait == null) {
            return Mono.just(response(current, null));
        }
        if (!LongPoll.matches(ifNoneMatch, current.version())) {
            return Mono.just(response(current, wait));
        }
        return store.snapshots()
                .filter(next -> !next.version().equals(current.version()))
                .take(wait)
                .next()
                .map(next -> response(next, wait))
                // Unchanged: the same version again, which WebFlux turns into a 304. Not "waited" when the store
                // closed for shutdown, so that the client pauses instead of asking again at once.
                .switchIfEmpty(Mono.fromSupplier(() -> response(current, store.isClosed() ? null : wait)));
    }

    private ResponseEntity<byte[]> response(CatalogSnapshot snapshot, @Nullable Duration waited) {
        SerializedSnapshots.SerializedSnapshot json = serialized.of(snapshot);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .eTag(json.version())
                .cacheControl(CacheControl.noCache())
                .contentType(MediaType.APPLICATION_JSON);
        if (waited != null) {
            response.header(LongPoll.PREFERENCE_APPLIED, "wait=" + waited.toSeconds());
        }
        return response.body(json.json());
    }
}
