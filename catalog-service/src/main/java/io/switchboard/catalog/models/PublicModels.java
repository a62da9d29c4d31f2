package io.switchboard.catalog.models;

import io.switchboard.catalog.api.Architecture;
import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.api.Endpoint;
import io.switchboard.catalog.api.Model;
import io.switchboard.catalog.api.PerRequestLimits;
import io.switchboard.catalog.api.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

    /**
     * A model clients can use.
     *
     * @param model the catalog's model
     * @param endpoints its usable endpoints, cheapest first (never empty)
     * @param view how {@code /models} shows it
     */
    record Listed(Model model, List<Endpoint> endpoints, PublicModel view) {
    }

    private PublicModels() {
    }

    /** The views of {@link #listing}. */
    static List<PublicModel> listed(CatalogSnapshot snapshot) {
        return listing(snapshot).stream().map(Listed::view).toList();
    }

    /**
     * The models a client can use, in catalog order: enabled, with at least one enabled endpoint at an enabled
     * provider.
     */
    static List<Listed> listing(CatalogSnapshot snapshot) {
        Map<String, List<Endpoint>> usable = usableEndpoints(snapshot).stream()
                .collect(Collectors.groupingBy(Endpoint::model));
        return snapshot.models()
                .stream()
                .filter(model -> !model.disabled())
                .filter(model -> usable.containsKey(model.id()))
                .map(model -> {
                    List<Endpoint> endpoints = usable.get(model.id()).stream().sorted(CHEAPEST_FIRST).toList();
                    return new Listed(model, endpoints, toPublic(model, endpoints.getFirst()));
                })
                .toList();
    }

    /** The endpoints routing may use: enabled, at an enabled provider. In catalog order. */
    static List<Endpoint> usableEndpoints(CatalogSnapshot snapshot) {
        Map<String, Provider> providers = snapshot.providersBySlug();
        return snapshot.endpoints()
                .stream()
                .filter(e -> !e.disabled() && isEnabled(providers.get(e.provider())))
                .toList();
    }

    private static boolean isEnabled(@Nullable Provider provider) {
        return provider != null && !provider.disabled();
    }

    static PublicModel.PublicArchitecture architecture(Model model) {
        Architecture a = model.architecture();
        return new PublicModel.PublicArchitecture(a.modality(), a.inputModalities(), a.outputModalities(),
                a.tokenizer(), a.instructType());
    }

    private static PublicModel.@Nullable PerRequestLimits perRequestLimits(@Nullable PerRequestLimits limits) {
        return limits == null
                ? null
                : new PublicModel.PerRequestLimits(limits.promptTokens(), limits.completionTokens());
    }

    private static PublicModel toPublic(Model model, Endpoint top) {
        return new PublicModel(model.id(), model.canonicalSlug(), model.huggingFaceId(), model.name(),
                model.created(), model.description(), model.contextLength(), architecture(model),
                PublicPricing.of(top.pricing()),
                // Switchboard moderates nothing itself.
                new PublicModel.TopProvider(top.contextLength(), top.maxCompletionTokens(), false),
                perRequestLimits(model.perRequestLimits()),
                model.supportedParameters(), null, null, null, null,
                new PublicModel.Links("/api/v1/models/" + model.id() + "/endpoints"));
    }
}
