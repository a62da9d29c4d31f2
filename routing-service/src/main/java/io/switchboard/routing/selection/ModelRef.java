package io.switchboard.routing.selection;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.api.Model;
import io.switchboard.kit.error.ApiException;
import org.jspecify.annotations.Nullable;

/**
 * A model as requested: a catalog id, optionally with one of OpenRouter's routing variants ({@code :nitro} sorts its
 * endpoints by throughput, {@code :floor} by price; https://openrouter.ai/docs/features/model-variants). An id that
 * exists in the catalog as written is taken literally, so a catalog may list a model whose id contains a colon.
 *
 * @param model the catalog model
 * @param variantSort the sort the variant asks for, null without a variant
 */
record ModelRef(Model model, @Nullable Sort variantSort) {

    static ModelRef resolve(String requested, CatalogSnapshot catalog) {
        Model exact = catalog.model(requested).orElse(null);
        if (exact != null) {
            return usable(exact, requested, null);
        }
        int colon = requested.lastIndexOf(':');
        if (colon > 0) {
            Sort variant = switch (requested.substring(colon + 1)) {
                case "nitro" -> Sort.THROUGHPUT;
                case "floor" -> Sort.PRICE;
                default -> null;
            };
            Model base = variant == null ? null : catalog.model(requested.substring(0, colon)).orElse(null);
            if (base != null) {
                return usable(base, requested, variant);
            }
        }
        throw invalid(requested);
    }

    private static ModelRef usable(Model model, String requested, @Nullable Sort variant) {
        if (model.disabled()) {
            throw invalid(requested);
        }
        return new ModelRef(model, variant);
    }

    private static ApiException invalid(String requested) {
        return ApiException.badRequest(requested + " is not a valid model ID");
    }
}
