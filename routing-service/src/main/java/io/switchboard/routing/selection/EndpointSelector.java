package io.switchboard.routing.selection;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.api.Endpoint;
import io.switchboard.catalog.api.Model;
import io.switchboard.catalog.api.Provider;
import io.switchboard.catalog.api.WireFormat;
import io.switchboard.kit.error.ApiException;
import io.switchboard.routing.chat.ChatRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Orders the endpoints that may serve a request: the requested model's endpoints first, then each fallback model's,
 * each group cheapest first. Only endpoints whose model, provider and endpoint are enabled and whose wire format has
 * an adapter are candidates.
 */
@Component
public class EndpointSelector {

    static final int MAX_MODELS = 3;

    public List<Candidate> candidates(CatalogSnapshot catalog, ChatRequest request, Set<WireFormat> supported) {
        Map<String, Provider> providers = catalog.providersBySlug();
        List<Candidate> candidates = new ArrayList<>();
        for (String modelId : requestedModels(request)) {
            Model model = catalog.model(modelId)
                    .filter(m -> !m.disabled())
                    .orElseThrow(() -> ApiException.badRequest(modelId + " is not a valid model ID"));
            catalog.endpointsOf(modelId)
                    .stream()
                    .filter(endpoint -> !endpoint.disabled())
                    .filter(endpoint -> {
                        Provider provider = providers.get(endpoint.provider());
                        return provider != null && !provider.disabled() && supported.contains(provider.wireFormat());
                    })
                    .sorted(Comparator.comparing(EndpointSelector::unitPrice))
                    .forEach(endpoint -> candidates.add(new Candidate(model, endpoint,
                            providers.get(endpoint.provider()))));
        }
        if (candidates.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "No endpoints found for " + String.join(", ",
                    requestedModels(request)));
        }
        return candidates;
    }

    /** {@code model} then {@code models}, without duplicates; at most {@value #MAX_MODELS}. */
    static List<String> requestedModels(ChatRequest request) {
        Set<String> ids = new LinkedHashSet<>();
        if (request.model() != null && !request.model().isBlank()) {
            ids.add(request.model());
        }
        if (request.models() != null) {
            ids.addAll(request.models());
        }
        if (ids.isEmpty()) {
            throw ApiException.badRequest("model: a model id is required");
        }
        if (request.models() != null && request.models().size() > MAX_MODELS) {
            throw ApiException.badRequest("models: at most " + MAX_MODELS + " models may be given");
        }
        return List.copyOf(ids);
    }

    private static java.math.BigDecimal unitPrice(Endpoint endpoint) {
        return endpoint.pricing().prompt().add(endpoint.pricing().completion());
    }
}
