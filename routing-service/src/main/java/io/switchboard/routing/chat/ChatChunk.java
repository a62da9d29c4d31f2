package io.switchboard.routing.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One server-sent chunk of a streamed completion ({@code ChatStreamChunk} in the contract). The final chunk before
 * {@code [DONE]} carries {@code usage} with empty {@code choices}; a failure after the first byte is a chunk with a
 * top-level {@code error} and {@code finish_reason: "error"}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatChunk(String id, @Nullable String provider, String model, String object, long created,
        List<ChunkChoice> choices, @Nullable String systemFingerprint, @Nullable Usage usage,
        @Nullable ChunkError error, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public static final String OBJECT = "chat.completion.chunk";

    public ChatChunk {
        choices = choices == null ? List.of() : choices;
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    /**
     * @param index position of the choice
     * @param delta what this chunk adds
     * @param finishReason set on the last chunk of the choice, null before
     * @param nativeFinishReason the provider's own finish reason
     * @param logprobs token log probabilities, when asked for
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChunkChoice(int index, Delta delta,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String finishReason,
            @Nullable String nativeFinishReason, @Nullable JsonNode logprobs,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

        public ChunkChoice {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }
    }

    /**
     * @param role {@code assistant} on the first chunk only
     * @param content text added by this chunk
     * @param extra {@code tool_calls}, {@code reasoning}, ...
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delta(@Nullable String role, @Nullable String content,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

        public Delta {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }

        /** What the model generated in this delta: reasoning, content and tool call fragments. */
        public String generatedText() {
            return GeneratedText.of(content, extra);
        }

        /** The reasoning part of {@link #generatedText()}. */
        public String reasoningText() {
            return GeneratedText.reasoning(extra);
        }
    }

    /**
     * @param code HTTP-like status of the failure
     * @param message what went wrong
     * @param metadata details, such as the provider's own error
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChunkError(int code, String message, @Nullable Map<String, Object> metadata) {
    }
}
