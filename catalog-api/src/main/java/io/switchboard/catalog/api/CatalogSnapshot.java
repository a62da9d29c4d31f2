package io.switchboard.catalog.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The whole catalog at one version, as catalog-service serves it on {@code GET /internal/v1/catalog} and
 * routing-service keeps it in memory. Immutable; a change produces a new snapshot with a new version.
 *
 * @param version changes whenever any content changes (also the HTTP ETag)
 * @param providers all providers
 * @param models all models
 * @param endpoints all endpoints
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CatalogSnapshot(String version, List<Provider> providers, List<Model> models, List<Endpoint> endpoints) {

    public CatalogSnapshot {
        providers = List.copyOf(providers);
        models = List.copyOf(models);
        endpoints = List.copyOf(endpoints);
    }

    public Optional<Model> model(String id) {
        return models.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public Optional<Provider> provider(String slug) {
        return providers.stream().filter(p -> p.slug().equals(slug)).findFirst();
    }

    public List<Endpoint> endpointsOf(String modelId) {
        return endpoints.stream().filter(e -> e.model().equals(modelId)).toList();
    }

    public Map<String, Provider> providersBySlug() {
        return providers.stream().collect(Collectors.toUnmodifiableMap(Provider::slug, Function.identity()));
    }
}
