package io.switchboard.catalog.store;

import io.switchboard.catalog.api.CatalogSnapshot;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link CatalogStore} holding one snapshot in this process, as loaded from the catalog file at start-up. */
public final class InMemoryCatalogStore implements CatalogStore {

    private final AtomicReference<CatalogSnapshot> current;

    public InMemoryCatalogStore(CatalogSnapshot initial) {
        this.current = new AtomicReference<>(initial);
    }

    @Override
    public CatalogSnapshot current() {
        return current.get();
    }

    @Override
    public void replace(CatalogSnapshot snapshot) {
        current.set(snapshot);
    }
}
