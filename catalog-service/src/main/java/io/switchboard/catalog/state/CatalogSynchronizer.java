package io.switchboard.catalog.state;

import io.switchboard.catalog.source.CatalogComposer;
import io.switchboard.catalog.source.CatalogFile;
import io.switchboard.catalog.source.Composition;
import io.switchboard.catalog.store.CatalogStore;
import io.switchboard.kit.identity.InternalIdentity;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Keeps this replica's {@link CatalogStore} equal to the catalog in Redis, and installs this replica's catalog file
 * there.
 *
 * <p>The file is the baseline: at start-up, if Redis holds another file's content (or nothing), this replica composes
 * its file with the operator's edits and commits that; so a changed file takes effect on the next rollout while the
 * edits persist, and every replica serves the same catalog. If the new file and the edits do not fit together (an
 * edit refers to something the file dropped), the replica keeps serving what Redis holds, reports the problems as
 * not ready (a rollout stops there, as with a bad file) and tries again whenever the catalog changes.
 *
 * <p>A replica learns of a change from Redis pub/sub within milliseconds, and by comparing revisions every
 * {@code poll-interval} in case a notification was lost. Stopping completes the store's change stream first, so
 * long-polling callers are answered before the web server drains.
 */
public class CatalogSynchronizer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CatalogSynchronizer.class);

    private final CatalogRepository repository;
    private final CatalogStore store;
    private final CatalogFile file;
    private final String fileVersion;
    private final String serviceName;
    private final Clock clock;
    private final Duration pollInterval;
    private volatile @Nullable Disposable running;
    /** Whether this replica's file is known to be the installed baseline. */
    private volatile boolean baselineInstalled;
    /** The problems of composing the file with the edits, at {@link #failedAtRevision}; empty when none. */
    private volatile List<String> baselineProblems = List.of();
    private volatile long failedAtRevision = -1;

    public CatalogSynchronizer(CatalogRepository repository, CatalogStore store, CatalogFile file,
            String serviceName, Clock clock, Duration pollInterval) {
        this.repository = repository;
        this.store = store;
        this.file = file;
        this.fileVersion = file.contentVersion();
        this.serviceName = serviceName;
        this.clock = clock;
        this.pollInterval = pollInterval;
    }

    @Override
    public void start() {
        store.open();
        Flux<Long> announced = repository.announcements()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, pollInterval)
                        .maxBackoff(Duration.ofSeconds(5))
                        .doBeforeRetry(signal -> log.warn("Catalog change notifications interrupted: {}",
                                signal.failure().toString())));
        // Ticks carry no revision (-1); an announcement carries the one committed. Signals arriving while a step runs
        // collapse into one more step: it reads Redis afresh anyway.
        running = Flux.merge(Flux.interval(Duration.ZERO, pollInterval).map(tick -> -1L), announced)
                .onBackpressureLatest()
                .concatMap(announcedRevision -> synchronize(announcedRevision).onErrorResume(failure -> {
                    log.warn("Catalog synchronisation with Redis failed: {}", failure.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    /**
     * One step: install the file if that is still to do, then bring the store to Redis's revision. An announced
     * revision newer than the store's is loaded at once, saving the round trip that reads the revision.
     */
    Mono<Void> synchronize(long announcedRevision) {
        if (baselineInstalled && announcedRevision > store.revision()) {
            return load();
        }
        return repository.revision().flatMap(revision -> {
            if (revision == 0 || (!baselineInstalled && revision != failedAtRevision)) {
                return installBaseline().then(load());
            }
            if (revision != store.revision()) {
                return load();
            }
            return Mono.empty();
        });
    }

    private Mono<Void> installBaseline() {
        return repository.state().flatMap(state -> {
            CatalogFile installed = state.baseline();
            if (state.revision() > 0 && installed != null && installed.contentVersion().equals(fileVersion)) {
                settled();
                return Mono.empty();
            }
            return switch (CatalogComposer.compose(file, state.overlay())) {
                case Composition.Valid valid -> repository
                        .commit(new CatalogRepository.Commit(state.revision(), valid.snapshot(), file, null, null,
                                new AuditEvent(clock.instant(),
                                        InternalIdentity.service(serviceName, "start-up"), "load-file", "catalog",
                                        null, null, valid.snapshot().version())))
                        .doOnNext(revision -> {
                            log.info("Catalog file installed in Redis as revision {}: version {}", revision,
                                    valid.snapshot().version());
                            settled();
                        })
                        // Lost a race with another commit: the next step starts again from what that wrote.
                        .then();
                case Composition.Invalid invalid -> {
                    failedAtRevision = state.revision();
                    baselineProblems = invalid.problems();
                    log.error("The catalog file does not fit the operator's edits stored in Redis (revision {}); "
                            + "serving the catalog in Redis until it does:\n\t{}", state.revision(),
                            String.join("\n\t", invalid.problems()));
                    yield Mono.empty();
                }
            };
        });
    }

    private void settled() {
        baselineInstalled = true;
        baselineProblems = List.of();
    }

    private Mono<Void> load() {
        return repository.stored().doOnNext(stored -> {
            if (stored.revision() < store.revision()) {
                // Redis lost its data and counts again from the start: what it holds is the truth.
                store.reset(stored.revision(), stored.snapshot());
                log.warn("Catalog revision went back to {} in Redis; reloaded version {}", stored.revision(),
                        stored.snapshot().version());
            } else if (store.offer(stored.revision(), stored.snapshot())) {
                log.info("Catalog revision {} loaded: version {}, {} models, {} endpoints", stored.revision(),
                        stored.snapshot().version(), stored.snapshot().models().size(),
                        stored.snapshot().endpoints().size());
            }
        }).then();
    }

    /** Whether this replica's catalog file is the one installed in Redis. */
    public boolean isBaselineInstalled() {
        return baselineInstalled;
    }

    /** Why this replica's file is not installed, if it could not be. */
    public List<String> baselineProblems() {
        return baselineProblems;
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
        store.close();
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
