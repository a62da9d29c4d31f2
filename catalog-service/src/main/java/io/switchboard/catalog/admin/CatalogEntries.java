package io.switchboard.catalog.admin;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.source.EntityKind;
import io.switchboard.catalog.source.EntityRef;
import java.util.List;
import java.util.Optional;

/** Finding catalog entries by reference. */
final class CatalogEntries {

    private CatalogEntries() {
    }

    /** The entry {@code ref} names in {@code catalog}: a {@code Provider}, {@code Model} or {@code Endpoint}. */
    static Optional<Object> find(CatalogSnapshot catalog, EntityRef ref) {
        return switch (ref.kind()) {
            case PROVIDER -> catalog.provider(ref.id()).map(Object.class::cast);
            case MODEL -> catalog.model(ref.id()).map(Object.class::cast);
            case ENDPOINT -> catalog.endpoints()
                    .stream()
                    .filter(endpoint -> endpoint.id().equals(ref.id()))
                    .findFirst()
                    .map(Object.class::cast);
        };
    }

    /** Every entry of {@code kind}, in catalog order. */
    static List<?> all(CatalogSnapshot catalog, EntityKind kind) {
        return switch (kind) {
            case PROVIDER -> catalog.providers();
            case MODEL -> catalog.models();
            case ENDPOINT -> catalog.endpoints();
        };
    }
}
