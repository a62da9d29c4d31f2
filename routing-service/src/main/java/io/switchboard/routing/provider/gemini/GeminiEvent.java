package io.switchboard.routing.provider.gemini;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event of {@code streamGenerateContent?alt=sse}: each {@code data:} is a whole {@code GenerateContentResponse}
 * holding the next piece of the answer; a failure after the stream began is an {@code {"error": {...}}} object
 * (Google's standard error shape, https://ai.google.dev/gemini-api/docs/troubleshooting).
 */
sealed interface GeminiEvent {

    record Response(GenerateContentResponse response) implements GeminiEvent {
    }

    record Error(ErrorDetail error) implements GeminiEvent {
    }

    /** An object that is neither, kept rather than failed on. */
    record Unknown(JsonNode raw) implements GeminiEvent {
    }

    /** @param status Google's status name: {@code UNAVAILABLE}, {@code RESOURCE_EXHAUSTED}, ... */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorDetail(@Nullable Integer code, @Nullable String message, @Nullable String status) {
    }

    static GeminiEvent parse(String data, JsonMapper mapper) {
        JsonNode node = mapper.readTree(data);
        if (node.has("error")) {
            return new Error(mapper.treeToValue(node.get("error"), ErrorDetail.class));
        }
        if (node.has("candidates") || node.has("usageMetadata") || node.has("promptFeedback")) {
            return new Response(mapper.treeToValue(node, GenerateContentResponse.class));
        }
        return new Unknown(node);
    }
}
