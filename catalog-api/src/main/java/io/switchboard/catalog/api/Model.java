package io.switchboard.catalog.api;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A model clients ask for by id.
 *
 * @param id {@code author/slug}, for example {@code mistralai/mistral-small-2603}
 * @param canonicalSlug permanent slug, stable across renames
 * @param name display name
 * @param description what it is good for
 * @param created unix seconds when it was released
 * @param contextLength largest context of any of its endpoints
 * @param architecture modalities and tokenizer
 * @param supportedParameters request parameters some endpoint supports (OpenRouter's names)
 * @param huggingFaceId Hugging Face id for open-weight models
 * @param disabled true to hide it and refuse requests for it
 * @param categories OpenRouter's use-case categories ({@code programming}, {@code translation}...) that
 *        {@code GET /models?category=} filters by; empty when none is assigned (absent in a file reads as empty)
 * @param perRequestLimits the most one request may use, or null for no cap beyond the endpoints' limits
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Model(String id, String canonicalSlug, String name, String description, long created,
        long contextLength, Architecture architecture, List<String> supportedParameters,
        @Nullable String huggingFaceId, boolean disabled, List<String> categories,
        @Nullable PerRequestLimits perRequestLimits) {

    public Model {
        // Added after the first release: older catalogs and snapshots have no categories at all.
        categories = categories == null ? List.of() : categories;
    }

    /** A model without categories or limits, as catalogs written before those existed describe it. */
    public Model(String id, String canonicalSlug, String name, String description, long created, long contextLength,
            Architecture architecture, List<String> supportedParameters, @Nullable String huggingFaceId,
            boolean disabled) {
        this(id, canonicalSlug, name, description, created, contextLength, architecture, supportedParameters,
                huggingFaceId, disabled, List.of(), null);
    }
}
