package io.switchboard.catalog.source;

import io.switchboard.catalog.api.CatalogSnapshot;
import java.util.List;

/** The outcome of laying the operator's edits over the file: a catalog to serve, or why there is none. */
public sealed interface Composition {

    /** @param snapshot the valid, versioned catalog */
    record Valid(CatalogSnapshot snapshot) implements Composition {
    }

    /** @param problems each {@code <path>: <what is wrong>}, entries located by id ({@code providers[acme].name}) */
    record Invalid(List<String> problems) implements Composition {

        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}
