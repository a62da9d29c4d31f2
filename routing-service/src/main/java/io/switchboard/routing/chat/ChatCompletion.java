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
 * A non-streamed chat completion ({@code ChatResult} in the contract), as OpenRouter answers it: {@code id} is the
 * generation id, {@code provider} and {@code model} say what served. Also the wire format of OpenAI-compatible
 * providers, whose responses have this shape; fields not modelled here are kept in {@link #extra}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletion(String id, @Nullable String provider, String model, String object, long created,
        List<Choice> choices, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String systemFingerprint,
        @Nullable Usage usage, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public static final String OBJECT = "chat.completion";

    public ChatCompletion {
        choices = choices == null ? List.of() : choices;
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    /**
     * @param index position of the choice
     * @param message the assistant's message
     * @param finishReason normalised finish reason ({@code stop}, {@code length}, {@code tool_calls},
     *        {@code content_filter}, {@code error})
     * @param nativeFinishReason the provider's own finish reason
     * @param logprobs token log probabilities, when asked for
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Choice(int index, Message message,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String finishReason,
            @Nullable String nativeFinishReason, @Nullable JsonNode logprobs,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

        public Choice {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }
    }

    /**
     * @param role always {@code assistant}
     * @param content the text, or null when the message only calls tools
     * @param extra {@code tool_calls}, {@code reasoning}, {@code refusal}, ...
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Message(String role, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String content,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

        public Message {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }

        /** What the model generated: reasoning, content and tool calls. */
        public String generatedText() {
            return GeneratedText.of(content, extra);
        }

        /** The reasoning part of {@link #generatedText()}. */
        public String reasoningText() {
            return GeneratedText.reasoning(extra);
        }
    }
}
