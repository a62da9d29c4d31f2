package io.switchboard.catalog.client;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.kit.error.ApiException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** A service's in-memory copy of the catalog: read on every request, replaced whole by {@link CatalogSync}. */
public class CatalogHolder {

    private final AtomicReference<@Nullable CatalogSnapshot> current = new AtomicReference<>();

    public Optional<CatalogSnapshot> current() {
        return Optional.ofNullable(current.get());
    }

    /** The current catalog; a 503 while none has been loaded yet (readiness keeps traffic away until then). */
    public CatalogSnapshot require() {
        CatalogSnapshot snapshot = current.get();
        if (snapshot == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "The model catalog is not loaded yet");
        }
        return snapshot;
    }

    /** Installs a new catalog; {@link CatalogSync} calls it, and tests may. */
    public void replace(CatalogSnapshot snapshot) {
        current.set(snapshot);
    }
}
