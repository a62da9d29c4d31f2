package io.switchboard.catalog.models;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.api.Endpoint;
import io.switchboard.catalog.api.Model;
import io.switchboard.catalog.api.Provider;
import io.switchboard.catalog.stats.EndpointStatistics;
import java.util.List;
import java.util.Map;

/** What {@code /models/{author}/{slug}/endpoints} shows of a model's endpoints, in OpenRouter's shape. */
final class PublicEndpoints {

    private PublicEndpoints() {
    }

    /** The usable endpoints of {@code model}, cheapest first. */
    static List<Endpoint> of(CatalogSnapshot catalog, Model model) {
        return PublicModels.usableEndpoints(catalog)
                .stream()
                .filter(endpoint -> endpoint.model().equals(model.id()))
                .sorted(PublicModels.CHEAPEST_FIRST)
                .toList();
    }

    static ListEndpointsResponse response(CatalogSnapshot catalog, Model model, List<Endpoint> endpoints,
            Map<String, EndpointStatistics> statistics) {
        Map<String, Provider> providers = catalog.providersBySlug();
        return new ListEndpointsResponse(new ListEndpointsResponse.Data(model.id(), model.name(), model.created(),
                model.description(), PublicModels.architecture(model),
                endpoints.stream()
                        .map(endpoint -> toPublic(model, endpoint, providers.get(endpoint.provider()),
                                statistics.getOrDefault(endpoint.id(), EndpointStatistics.NONE)))
                        .toList()));
    }

    private static PublicEndpoint toPublic(Model model, Endpoint endpoint, Provider provider,
            EndpointStatistics statistics) {
        return new PublicEndpoint(provider.name() + " | " + model.canonicalSlug(), model.canonicalSlug(),
                model.name(), endpoint.contextLength(), PublicPricing.of(endpoint.pricing()), provider.name(),
                endpoint.tag(), endpoint.quantization(), endpoint.maxCompletionTokens(), null,
                endpoint.supportedParameters(), 0, statistics.uptimeLast30m(), statistics.uptimeLast5m(),
                statistics.uptimeLast1d(),
                endpoint.pricing().inputCacheRead() != null && endpoint.pricing().inputCacheWrite() == null,
                PublicEndpoint.ToolChoiceSupport.of(endpoint.supportedParameters()),
                statistics.latencyLast30m(), statistics.throughputLast30m());
    }
}
