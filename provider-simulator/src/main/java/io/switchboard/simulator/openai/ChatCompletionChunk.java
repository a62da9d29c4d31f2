package io.switchboard.simulator.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One streamed chunk ({@code "object": "chat.completion.chunk"}, OpenAI API reference).
 *
 * @param usage three states, as OpenAI sends them: absent (null here) when the client did not ask for usage; JSON
 *        {@code null} ({@code Optional.empty()}) on every chunk but the last when it did; the counts on the last
 *        chunk, whose {@code choices} is empty
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChatCompletionChunk(String id, String object, long created, String model, String systemFingerprint,
        List<Choice> choices, @Nullable Optional<ChatCompletion.Usage> usage) {

    static final String OBJECT = "chat.completion.chunk";

    /** @param finishReason null until the last content chunk; sent as JSON {@code null}, not left out */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Choice(int index, Delta delta, @Nullable Object logprobs, @Nullable String finishReason) {
    }

    /**
     * The increment of the message: the role once at the start, then reasoning, content or tool-call fragments; empty
     * on the finishing chunk.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delta(@Nullable String role, @Nullable String content, @Nullable String reasoningContent,
            @Nullable List<ToolCallDelta> toolCalls) {

        static final Delta EMPTY = new Delta(null, null);

        Delta(@Nullable String role, @Nullable String content) {
            this(role, content, null, null);
        }
    }

    /** A tool-call fragment: id, type and name only on the first of a call. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ToolCallDelta(int index, @Nullable String id, @Nullable String type, FunctionDelta function) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FunctionDelta(@Nullable String name, String arguments) {
    }
}
