package io.switchboard.catalog.store;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The catalog this replica serves: {@code switchboard.catalog.revision} (the shared catalog's Redis revision, equal on
 * every replica once a change has spread; a replica stuck behind shows as a lower line) and
 * {@code switchboard.catalog.endpoints} (endpoints in it, disabled ones included).
 */
@Component
class CatalogMetrics implements MeterBinder {

    private final CatalogStore store;

    CatalogMetrics(CatalogStore store) {
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("switchboard.catalog.revision", store, CatalogStore::revision)
                .description("Revision of the shared catalog this replica serves; 0 before the first")
                .register(registry);
        Gauge.builder("switchboard.catalog.endpoints", store,
                catalog -> catalog.loaded().map(snapshot -> snapshot.endpoints().size()).orElse(0))
                .description("Endpoints in the catalog this replica serves")
                .register(registry);
    }
}
