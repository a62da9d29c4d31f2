package io.switchboard.catalog.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One element of {@code GET /api/v1/models}: OpenRouter's {@code Model} schema. Nulls are written, not omitted, since
 * the schema requires {@code per_request_limits}, {@code default_parameters} and {@code supported_voices} even when
 * null. Carries nothing about how a provider is reached (no URLs, no credential names).
 *
 * @param knowledgeCutoff ISO date, or null when unknown (the catalog does not record it yet)
 * @param expirationDate ISO date after which the model may be removed, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record PublicModel(String id, String canonicalSlug, @Nullable String huggingFaceId, String name, long created,
        String description, long contextLength, PublicArchitecture architecture, PublicPricing pricing,
        TopProvider topProvider, @Nullable PerRequestLimits perRequestLimits, List<String> supportedParameters,
        @Nullable DefaultParameters defaultParameters, @Nullable List<String> supportedVoices,
        @Nullable String knowledgeCutoff, @Nullable String expirationDate, Links links) {

    /** OpenRouter's {@code ModelArchitecture}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PublicArchitecture(String modality, List<String> inputModalities, List<String> outputModalities,
            String tokenizer, @Nullable String instructType) {
    }

    /** OpenRouter's {@code TopProviderInfo}: the endpoint the model's price is quoted from. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TopProvider(long contextLength, @Nullable Long maxCompletionTokens, boolean isModerated) {
    }

    /** OpenRouter's {@code PerRequestLimits}: the catalog's cap on one request, or null. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PerRequestLimits(long promptTokens, long completionTokens) {
    }

    /** OpenRouter's {@code DefaultParameters}; the catalog records none, so always null for now. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DefaultParameters(@Nullable Double temperature, @Nullable Double topP, @Nullable Integer topK,
            @Nullable Double frequencyPenalty, @Nullable Double presencePenalty, @Nullable Double repetitionPenalty) {
    }

    /** OpenRouter's {@code ModelLinks}. */
    record Links(String details) {
    }
}
