package io.switchboard.catalog.store;

import io.switchboard.catalog.api.CatalogSnapshot;

/**
 * Where catalog-service keeps the catalog it serves. Every reader asks for {@link #current()} on each request, so an
 * implementation backed by shared state (Redis, with operator edits) can replace the in-memory one without touching the
 * APIs.
 */
public interface CatalogStore {

    /** The catalog as it is now. Answered from memory: cheap and safe to call on an event-loop thread. */
    CatalogSnapshot current();

    /** Makes {@code snapshot} the current catalog; readers see it on their next call. */
    void replace(CatalogSnapshot snapshot);
}
