package io.switchboard.catalog.store;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.kit.error.ApiException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** A {@link CatalogStore} in this process's memory. */
public final class InMemoryCatalogStore implements CatalogStore {

    /** The installed snapshot and its revision, replaced together. */
    private record Installed(long revision, CatalogSnapshot snapshot) {
    }

    // A replaying sink hands each new subscriber the installed snapshot and then every later one, with no window in
    // which a change could slip between reading the current one and subscribing. Replaced when reopened.
    private volatile Sinks.Many<CatalogSnapshot> changes = Sinks.many().replay().latest();
    private volatile @Nullable Installed installed;
    private volatile boolean closed;

    @Override
    public CatalogSnapshot current() {
        Installed now = installed;
        if (now == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "The model catalog is not loaded yet");
        }
        return now.snapshot();
    }

    @Override
    public Optional<CatalogSnapshot> loaded() {
        Installed now = installed;
        return now == null ? Optional.empty() : Optional.of(now.snapshot());
    }

    @Override
    public long revision() {
        Installed now = installed;
        return now == null ? 0 : now.revision();
    }

    @Override
    public synchronized boolean offer(long revision, CatalogSnapshot snapshot) {
        Installed now = installed;
        if (now != null && now.revision() >= revision) {
            return false;
        }
        install(revision, snapshot, now);
        return true;
    }

    @Override
    public synchronized void reset(long revision, CatalogSnapshot snapshot) {
        install(revision, snapshot, installed);
    }

    // Callers hold this object's lock: emissions into the sink must not overlap.
    private void install(long revision, CatalogSnapshot snapshot, @Nullable Installed before) {
        installed = new Installed(revision, snapshot);
        if (!closed && (before == null || !before.snapshot().version().equals(snapshot.version()))) {
            changes.tryEmitNext(snapshot);
        }
    }

    @Override
    public Flux<CatalogSnapshot> snapshots() {
        return changes.asFlux();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
        changes.tryEmitComplete();
    }

    @Override
    public synchronized void open() {
        if (!closed) {
            return;
        }
        Sinks.Many<CatalogSnapshot> reopened = Sinks.many().replay().latest();
        Installed now = installed;
        if (now != null) {
            reopened.tryEmitNext(now.snapshot());
        }
        changes = reopened;
        closed = false;
    }
}
