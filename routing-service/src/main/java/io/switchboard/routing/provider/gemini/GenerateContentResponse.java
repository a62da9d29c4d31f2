package io.switchboard.routing.provider.gemini;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A {@code GenerateContentResponse} (https://ai.google.dev/api/generate-content#generatecontentresponse): the whole
 * answer, or one event of a stream. Fields not read here are ignored.
 *
 * @param promptFeedback why the prompt was blocked, when it was
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record GenerateContentResponse(@Nullable List<Candidate> candidates, @Nullable PromptFeedback promptFeedback,
        @Nullable UsageMetadata usageMetadata, @Nullable String modelVersion, @Nullable String responseId) {

    /** The first candidate: the gateway asks for one. */
    @Nullable
    Candidate candidate() {
        return candidates == null || candidates.isEmpty() ? null : candidates.getFirst();
    }

    /** @param finishReason {@code STOP}, {@code MAX_TOKENS}, {@code SAFETY}, ...; set on the last event */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Candidate(@Nullable Content content, @Nullable String finishReason) {

        List<Part> parts() {
            return content == null || content.parts() == null ? List.of() : content.parts();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Content(@Nullable String role, @Nullable List<Part> parts) {
    }

    /**
     * @param thought true when {@code text} is a thought summary rather than answer
     * @param thoughtSignature the model's encrypted thinking behind a function call, to be sent back with the call
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Part(@Nullable String text, @Nullable Boolean thought, @Nullable FunctionCall functionCall,
            @Nullable String thoughtSignature) {

        boolean isThought() {
            return Boolean.TRUE.equals(thought);
        }
    }

    /** @param id set by newer models, otherwise absent */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FunctionCall(@Nullable String id, @Nullable String name, @Nullable JsonNode args) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PromptFeedback(@Nullable String blockReason) {
    }

    /**
     * Gemini's token counts: {@code promptTokenCount} includes {@code cachedContentTokenCount};
     * {@code candidatesTokenCount} excludes {@code thoughtsTokenCount}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UsageMetadata(@Nullable Long promptTokenCount, @Nullable Long candidatesTokenCount,
            @Nullable Long totalTokenCount, @Nullable Long cachedContentTokenCount, @Nullable Long thoughtsTokenCount,
            @Nullable Long toolUsePromptTokenCount) {
    }
}
