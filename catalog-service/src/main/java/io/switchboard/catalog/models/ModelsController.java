package io.switchboard.catalog.models;

import io.switchboard.catalog.store.CatalogStore;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OpenRouter's {@code GET /api/v1/models}, reached through gateway-service (which proves the caller). Built from the
 * in-memory catalog on each call: a handful of records, nothing that blocks.
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
            @RequestParam(name = "offset", required = false) @Nullable String offset,
            @RequestParam(name = "limit", required = false) @Nullable String limit) {
        ModelsQuery query = ModelsQuery.of(supportedParameters, outputModalities, offset, limit);
        List<PublicModel> matching = PublicModels.listed(store.current()).stream().filter(query::matches).toList();
        return new ModelsListResponse(query.pageOf(matching), matching.size(),
                new ModelsListResponse.Links(query.next(matching.size())));
    }
}
