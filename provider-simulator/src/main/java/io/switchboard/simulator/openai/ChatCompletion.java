package io.switchboard.simulator.openai;

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

    record Message(String role, String content) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Usage(int promptTokens, int completionTokens, int totalTokens) {
    }
}
