package io.switchboard.catalog.client;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/** Part of readiness: a service that routes by the catalog takes traffic only once it holds one. */
public class CatalogHealthIndicator implements ReactiveHealthIndicator {

    private final CatalogHolder holder;

    public CatalogHealthIndicator(CatalogHolder holder) {
        this.holder = holder;
    }

    @Override
    public Mono<Health> health() {
        return Mono.just(holder.current()
                .map(snapshot -> Health.up().withDetail("version", snapshot.version()).build())
                .orElseGet(() -> Health.down().withDetail("reason", "catalog not loaded yet").build()));
    }
}
