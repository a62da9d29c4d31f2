package io.switchboard.simulator.gemini;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A {@code GenerateContentResponse}: the whole answer, or one event of a stream with the next parts.
 *
 * @param usageMetadata token counts; in a stream, the prompt's on every event and the whole on the last
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record GenerateContentResponse(List<Candidate> candidates, UsageMetadata usageMetadata, String modelVersion,
        String responseId) {

    /** @param finishReason {@code STOP} or {@code MAX_TOKENS}; on the last event only */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Candidate(Content content, @Nullable String finishReason, int index) {
    }

    record Content(List<Part> parts, String role) {
    }

    /** One part: text, a thought summary ({@code thought: true}), or a function call. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Part(@Nullable String text, @Nullable Boolean thought, @Nullable FunctionCall functionCall) {

        static Part text(String text) {
            return new Part(text, null, null);
        }

        static Part thought(String text) {
            return new Part(text, true, null);
        }
    }

    record FunctionCall(String name, JsonNode args) {
    }

    /**
     * @param candidatesTokenCount answer tokens, thoughts excluded
     * @param thoughtsTokenCount thinking tokens, absent without thinking
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UsageMetadata(int promptTokenCount, @Nullable Integer candidatesTokenCount, int totalTokenCount,
            @Nullable Integer thoughtsTokenCount) {
    }
}
