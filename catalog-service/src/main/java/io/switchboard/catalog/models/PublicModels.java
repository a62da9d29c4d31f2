package io.switchboard.catalog.models;

import io.switchboard.catalog.api.Architecture;
import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.api.Endpoint;
import io.switchboard.catalog.api.Model;
import io.switchboard.catalog.api.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What the public {@code /models} shows of a catalog snapshot, in OpenRouter's shape. */
final class PublicModels {

    /**
     * OpenRouter quotes a model at the price of its default route, which is price-weighted: the cheapest endpoint. The
     * sum of prompt and completion prices decides, then the prompt price, then the order of the catalog file.
     */
    static final Comparator<Endpoint> CHEAPEST_FIRST = Comparator
            .comparing((Endpoint e) -> e.pricing().prompt().add(e.pricing().completion()))
            .thenComparing(e -> e.pricing().prompt());

    private PublicModels() {
    }

    /**
     * The models a client can use, in catalog order: enabled, with at least one enabled endpoint at an enabled
     * provider.
     */
    static List<PublicModel> listed(CatalogSnapshot snapshot) {
        Map<String, Provider> providers = snapshot.providersBySlug();
        Map<String, List<Endpoint>> usable = snapshot.endpoints()
                .stream()
                .filter(e -> !e.disabled() && isEnabled(providers.get(e.provider())))
                .collect(Collectors.groupingBy(Endpoint::model));
        return snapshot.models()
                .stream()
                .filter(model -> !model.disabled())
                .flatMap(model -> cheapest(usable.getOrDefault(model.id(), List.of()))
                        .map(endpoint -> toPublic(model, endpoint))
                        .stream())
                .toList();
    }

    private static boolean isEnabled(@Nullable Provider provider) {
        return provider != null && !provider.disabled();
    }

    private static Optional<Endpoint> cheapest(List<Endpoint> endpoints) {
        return endpoints.stream().min(CHEAPEST_FIRST);
    }

    private static PublicModel toPublic(Model model, Endpoint top) {
        Architecture a = model.architecture();
        return new PublicModel(model.id(), model.canonicalSlug(), model.huggingFaceId(), model.name(),
                model.created(), model.description(), model.contextLength(),
                new PublicModel.PublicArchitecture(a.modality(), a.inputModalities(), a.outputModalities(),
                        a.tokenizer(), a.instructType()),
                PublicPricing.of(top.pricing()),
                // Switchboard moderates nothing itself.
                new PublicModel.TopProvider(top.contextLength(), top.maxCompletionTokens(), false), null,
                model.supportedParameters(), null, null, null, null,
                new PublicModel.Links("/api/v1/models/" + model.id() + "/endpoints"));
    }
}
