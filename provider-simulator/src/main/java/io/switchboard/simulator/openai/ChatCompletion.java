package io.switchboard.simulator.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A non-streamed chat completion ({@code "object": "chat.completion"}, OpenAI API reference). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ChatCompletion(String id, String object, long created, String model, String systemFingerprint,
        List<Choice> choices, Usage usage) {

    static final String OBJECT = "chat.completion";

    /** @param logprobs always null: the simulator does not produce log probabilities */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Choice(int index, Message message, @Nullable Object logprobs, String finishReason) {
    }

    /**
     * @param content null when the message only calls a tool, as OpenAI sends it
     * @param reasoningContent the reasoning, in the field DeepSeek and vLLM use; absent without reasoning
     * @param toolCalls the tool the reply calls; absent otherwise
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Message(String role, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String content,
            @Nullable String reasoningContent, @Nullable List<ToolCall> toolCalls) {

        Message(String role, String content) {
            this(role, content, null, null);
        }
    }

    record ToolCall(String id, String type, Function function) {
    }

    /** @param arguments the arguments as a JSON text */
    record Function(String name, String arguments) {
    }

    /** @param completionTokensDetails the reasoning share, present only when the reply reasoned */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Usage(int promptTokens, int completionTokens, int totalTokens,
            @Nullable CompletionTokensDetails completionTokensDetails) {

        Usage(int promptTokens, int completionTokens, int totalTokens) {
            this(promptTokens, completionTokens, totalTokens, null);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CompletionTokensDetails(int reasoningTokens) {
    }
}
