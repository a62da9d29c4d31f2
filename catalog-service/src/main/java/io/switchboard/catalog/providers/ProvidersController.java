package io.switchboard.catalog.providers;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.catalog.store.CatalogStore;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * OpenRouter's {@code GET /api/v1/providers}: the providers a client can route to (disabled ones are not shown), by the
 * slug {@code provider.order} takes and their display name. The catalog records no policy or status pages, so those
 * links are null; nothing about how a provider is reached is shown.
 */
@RestController
class ProvidersController {

    private final CatalogStore store;

    ProvidersController(CatalogStore store) {
        this.store = store;
    }

    @GetMapping("/api/v1/providers")
    ProvidersListResponse providers() {
        return new ProvidersListResponse(store.current()
                .providers()
                .stream()
                .filter(provider -> !provider.disabled())
                .map(provider -> new PublicProvider(provider.name(), provider.slug(), null, null, null))
                .toList());
    }

    record ProvidersListResponse(List<PublicProvider> data) {
    }

    /** One element of {@code data}; the schema requires {@code privacy_policy_url} even when null. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PublicProvider(String name, String slug, @Nullable String privacyPolicyUrl,
            @Nullable String termsOfServiceUrl, @Nullable String statusPageUrl) {
    }
}
