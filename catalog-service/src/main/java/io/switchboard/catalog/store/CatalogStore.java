package io.switchboard.catalog.store;

import io.switchboard.catalog.api.CatalogSnapshot;
import java.util.Optional;
import reactor.core.publisher.Flux;

/**
 * This replica's copy of the catalog every API reads, filled from Redis (where all replicas' shared catalog lives)
 * and replaced whenever the shared catalog changes. Every reader asks on each request, so a change shows at once.
 * Each copy comes with the Redis revision it was read at: revisions only grow, except when Redis lost its data.
 */
public interface CatalogStore {

    /** The catalog as it is now; a 503 until the first one has been read from Redis. Cheap, never blocks. */
    CatalogSnapshot current();

    /** The catalog as it is now, if one has been read yet. */
    Optional<CatalogSnapshot> loaded();

    /** The Redis revision of {@link #current()}; 0 before the first. */
    long revision();

    /**
     * Installs {@code snapshot}, read at {@code revision}, unless a later revision is already installed (a slow reader
     * must not undo a newer change).
     *
     * @return whether it was installed
     */
    boolean offer(long revision, CatalogSnapshot snapshot);

    /** Installs {@code snapshot} whatever revision is installed: Redis lost its data and counts from the start again. */
    void reset(long revision, CatalogSnapshot snapshot);

    /**
     * The current catalog (once there is one), then each new one as it is installed; completes when this replica shuts
     * down, so that requests waiting for a change end at once instead of holding up the shutdown.
     */
    Flux<CatalogSnapshot> snapshots();

    /** Whether {@link #snapshots()} has completed for shutdown. */
    boolean isClosed();

    /** Completes {@link #snapshots()}; installing stays possible, nobody waits on it any more. */
    void close();

    /** Streams changes again after {@link #close()} (a stopped replica started again). */
    void open();
}
