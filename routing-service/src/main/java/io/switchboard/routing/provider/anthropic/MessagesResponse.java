package io.switchboard.routing.provider.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A Message, the non-streamed answer and the {@code message} of {@code message_start}
 * (https://docs.anthropic.com/en/api/messages). Fields not read here are ignored, as the API adds fields over time.
 *
 * @param stopReason {@code end_turn}, {@code max_tokens}, {@code stop_sequence}, {@code tool_use},
 *        {@code pause_turn}, {@code refusal}; null in {@code message_start}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
record MessagesResponse(@Nullable String id, @Nullable String model, @Nullable List<ContentBlock> content,
        @Nullable String stopReason, @Nullable Usage usage) {

    /**
     * One block of the answer, told apart by {@code type}: {@code text}, {@code thinking} (with its
     * {@code signature}), {@code redacted_thinking} ({@code data}), {@code tool_use} ({@code id}, {@code name},
     * {@code input}); other types are ignored.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContentBlock(@Nullable String type, @Nullable String text, @Nullable String thinking,
            @Nullable String signature, @Nullable String data, @Nullable String id, @Nullable String name,
            @Nullable JsonNode input) {
    }

    /**
     * Anthropic's token counts. {@code input_tokens} excludes the tokens read from and written to the prompt cache;
     * {@code output_tokens} includes thinking. In {@code message_delta} the counts are cumulative.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Usage(@Nullable Long inputTokens, @Nullable Long outputTokens, @Nullable Long cacheCreationInputTokens,
            @Nullable Long cacheReadInputTokens) {
    }
}
