package io.switchboard.catalog.models;

import io.switchboard.catalog.store.CatalogStore;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OpenRouter's {@code GET /api/v1/models} and {@code GET /api/v1/models/count}, reached through gateway-service (which
 * proves the caller). Built from the in-memory catalog on each call: a handful of records, nothing that blocks.
 */
@RestController
class ModelsController {

    private final CatalogStore store;

    ModelsController(CatalogStore store) {
        this.store = store;
    }

    @GetMapping(ModelsQuery.PATH)
    ModelsListResponse models(
            @RequestParam(name = "supported_parameters", required = false) @Nullable String supportedParameters,
            @RequestParam(name = "output_modalities", required = false) @Nullable String outputModalities,
            @RequestParam(name = "category", required = false) @Nullable String category,
            @RequestParam(name = "offset", required = false) @Nullable String offset,
            @RequestParam(name = "limit", required = false) @Nullable String limit) {
        ModelsQuery query = ModelsQuery.of(supportedParameters, outputModalities, category, offset, limit);
        List<PublicModel> matching = matching(query);
        return new ModelsListResponse(query.pageOf(matching), matching.size(),
                new ModelsListResponse.Links(query.next(matching.size())));
    }

    /** OpenRouter's {@code listModelsCount}: how many models {@code /models} lists with the same modality filter. */
    @GetMapping(ModelsQuery.PATH + "/count")
    ModelsCountResponse count(
            @RequestParam(name = "output_modalities", required = false) @Nullable String outputModalities) {
        return new ModelsCountResponse(new ModelsCountResponse.Count(matching(ModelsQuery.ofCount(outputModalities))
                .size()));
    }

    private List<PublicModel> matching(ModelsQuery query) {
        return PublicModels.listing(store.current())
                .stream()
                .filter(query::matches)
                .map(PublicModels.Listed::view)
                .toList();
    }
}
