package io.switchboard.routing.selection;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.api.Endpoint;
import io.switchboard.catalog.api.Provider;
import io.switchboard.catalog.api.WireFormat;
import io.switchboard.kit.error.ApiException;
import io.switchboard.routing.chat.ChatRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Plans which endpoints serve a request and in which order: for each requested model in turn ({@code model}, then
 * {@code models}, at most {@value #MAX_MODELS}; https://openrouter.ai/docs/features/model-routing), its enabled
 * endpoints whose wire format has an adapter, filtered by the request's constraints ({@link EndpointFilters}) and
 * ranked ({@link EndpointRanking}). A request that leaves no endpoint gets OpenRouter's 404.
 */
@Component
public class EndpointSelector {

    static final int MAX_MODELS = 3;

    private final EndpointRanking ranking;
    public EndpointSelector(EndpointConditions conditions, RandomSource random) {
        this.ranking = new EndpointRanking(conditions, random);
    }

    public RoutePlan plan(CatalogSnapshot catalog, ChatRequest request, Set<WireFormat> supported) {
        List<String> requested = requestedModels(request);
        List<ModelRef> models = requested.stream().map(id -> ModelRef.resolve(id, catalog)).toList();
        RoutingPreferences preferences = RoutingPreferences.of(request.provider());
        List<EndpointFilters.Filter> filters = EndpointFilters.of(preferences, maxTokens(request),
                memoized(request::parametersSent));
        Map<String, Provider> providers = catalog.providersBySlug();

        List<List<Candidate>> groups = new ArrayList<>();
        String reason = null;
        for (ModelRef model : models) {
            EndpointFilters.Result result = EndpointFilters.apply(endpoints(catalog, model, providers, supported),
                    filters);
            groups.add(result.candidates());
            if (reason == null) {
                reason = result.reason();
            }
        }
        List<Candidate> candidates = preferences.sort() != null && preferences.sortAcrossModels()
                ? ranking.rank(groups.stream().flatMap(List::stream).toList(), preferences, preferences.sort())
                : rankEachModel(groups, models, preferences);
        if (candidates.isEmpty()) {
            throw noEndpoints(requested, reason);
        }
        return new RoutePlan(models.getFirst().model().id(), candidates);
    }

    private List<Candidate> rankEachModel(List<List<Candidate>> groups, List<ModelRef> models,
            RoutingPreferences preferences) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            // An explicit provider.sort wins over a variant's.
            Sort sort = preferences.sort() != null ? preferences.sort() : models.get(i).variantSort();
            candidates.addAll(ranking.rank(groups.get(i), preferences, sort));
        }
        return candidates;
    }

    private static List<Candidate> endpoints(CatalogSnapshot catalog, ModelRef model, Map<String, Provider> providers,
            Set<WireFormat> supported) {
        List<Candidate> candidates = new ArrayList<>();
        for (Endpoint endpoint : catalog.endpointsOf(model.model().id())) {
            Provider provider = providers.get(endpoint.provider());
            if (!endpoint.disabled() && provider != null && !provider.disabled()
                    && supported.contains(provider.wireFormat())) {
                candidates.add(new Candidate(model.model(), endpoint, provider));
            }
        }
        return candidates;
    }

    /** {@code model} then {@code models}, without duplicates; at most {@value #MAX_MODELS} fallbacks. */
    static List<String> requestedModels(ChatRequest request) {
        Set<String> ids = new LinkedHashSet<>();
        if (request.model() != null && !request.model().isBlank()) {
            ids.add(request.model());
        }
        if (request.models() != null) {
            request.models().stream().filter(id -> id != null && !id.isBlank()).forEach(ids::add);
        }
        if (ids.isEmpty()) {
            throw ApiException.badRequest("model: a model id is required");
        }
        if (request.models() != null && request.models().size() > MAX_MODELS) {
            throw ApiException.badRequest("models: at most " + MAX_MODELS + " models may be given");
        }
        return List.copyOf(ids);
    }

    /** The completion limit asked for; {@code max_completion_tokens} replaced {@code max_tokens}, so it wins. */
    private static @Nullable Integer maxTokens(ChatRequest request) {
        return request.maxCompletionTokens() != null ? request.maxCompletionTokens() : request.maxTokens();
    }

    /**
     * OpenRouter refuses a request whose routing requirements no provider meets with a 404 "No endpoints found ..."
     * (for example "No endpoints found matching your data policy"), before calling any provider.
     */
    private static ApiException noEndpoints(List<String> requested, @Nullable String reason) {
        return new ApiException(HttpStatus.NOT_FOUND, "No endpoints found for " + String.join(", ", requested)
                + (reason == null ? "" : " " + reason) + ".");
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {

            private @Nullable T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
