package io.switchboard.catalog.source;

import io.switchboard.catalog.api.Endpoint;
import io.switchboard.catalog.api.Model;
import io.switchboard.catalog.api.Provider;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The top level of the catalog YAML. Its entries are catalog-api's records themselves, so the file format follows
 * them field for field. Anything may be null as read; {@link CatalogValidator} says what is missing.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CatalogFile(@Nullable List<Provider> providers, @Nullable List<Model> models,
        @Nullable List<Endpoint> endpoints) {

    /**
     * The version a catalog with exactly this content has ({@link CatalogVersion}): equal for equal content, whatever
     * the file's layout. Only for a validated file, whose lists are present.
     */
    public String contentVersion() {
        return CatalogVersion.of(List.copyOf(providers), List.copyOf(models), List.copyOf(endpoints));
    }
}
