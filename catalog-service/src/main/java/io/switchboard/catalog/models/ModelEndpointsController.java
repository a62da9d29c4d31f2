package io.switchboard.catalog.models;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.api.Endpoint;
import io.switchboard.catalog.api.Model;
import io.switchboard.catalog.stats.EndpointStatisticsReader;
import io.switchboard.catalog.store.CatalogStore;
import io.switchboard.kit.error.ApiException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * OpenRouter's {@code GET /api/v1/models/{author}/{slug}/endpoints}: a model and every provider endpoint serving it,
 * with prices, limits and the live uptime, time to first token and throughput routing-service measures.
 */
@RestController
class ModelEndpointsController {

    private final CatalogStore store;
    private final EndpointStatisticsReader statistics;

    ModelEndpointsController(CatalogStore store, EndpointStatisticsReader statistics) {
        this.store = store;
        this.statistics = statistics;
    }

    @GetMapping(ModelsQuery.PATH + "/{author}/{slug}/endpoints")
    Mono<ListEndpointsResponse> endpoints(@PathVariable String author, @PathVariable String slug) {
        CatalogSnapshot catalog = store.current();
        String id = author + "/" + slug;
        Model model = catalog.model(id)
                .filter(found -> !found.disabled())
                .orElseThrow(() -> ApiException.notFound("Model '" + id + "' not found"));
        List<Endpoint> endpoints = PublicEndpoints.of(catalog, model);
        return statistics.read(endpoints.stream().map(Endpoint::id).toList())
                .map(measured -> PublicEndpoints.response(catalog, model, endpoints, measured));
    }
}
