package io.switchboard.catalog.state;

import io.switchboard.catalog.store.CatalogStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * Part of readiness: a replica takes traffic once it holds the shared catalog and its own catalog file is the one
 * installed. A file that does not fit the operator's edits keeps it out of service, listing why.
 */
class CatalogStateHealthIndicator implements ReactiveHealthIndicator {

    private final CatalogStore store;
    private final CatalogSynchronizer synchronizer;

    CatalogStateHealthIndicator(CatalogStore store, CatalogSynchronizer synchronizer) {
        this.store = store;
        this.synchronizer = synchronizer;
    }

    @Override
    public Mono<Health> health() {
        return Mono.fromSupplier(() -> {
            if (!synchronizer.baselineProblems().isEmpty()) {
                return Health.down()
                        .withDetail("reason", "the catalog file does not fit the operator's edits")
                        .withDetail("problems", synchronizer.baselineProblems())
                        .build();
            }
            if (store.loaded().isEmpty() || !synchronizer.isBaselineInstalled()) {
                return Health.down().withDetail("reason", "catalog not loaded from Redis yet").build();
            }
            return Health.up()
                    .withDetail("version", store.current().version())
                    .withDetail("revision", store.revision())
                    .build();
        });
    }
}
