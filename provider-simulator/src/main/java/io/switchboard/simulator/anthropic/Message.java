package io.switchboard.simulator.anthropic;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A Message (https://docs.anthropic.com/en/api/messages): the whole answer, and the {@code message} of
 * {@code message_start} with empty content.
 *
 * @param stopReason {@code end_turn}, {@code max_tokens} or {@code tool_use}; null until known
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
record Message(String id, String type, String role, String model, List<ContentBlock> content,
        @Nullable String stopReason, @Nullable String stopSequence, Usage usage) {

    /** The signature a thinking block carries; Anthropic's is an opaque token verifying the thinking. */
    static final String SIGNATURE = "c2ltdWxhdGVkLXRoaW5raW5nLXNpZ25hdHVyZQ==";

    /** One content block; only the fields of its {@code type} are written. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ContentBlock(String type, @Nullable String text, @Nullable String thinking, @Nullable String signature,
            @Nullable String id, @Nullable String name, @Nullable JsonNode input) {

        static ContentBlock text(String text) {
            return new ContentBlock("text", text, null, null, null, null, null);
        }

        static ContentBlock thinking(String thinking, @Nullable String signature) {
            return new ContentBlock("thinking", null, thinking, signature, null, null, null);
        }

        static ContentBlock toolUse(String id, String name, JsonNode input) {
            return new ContentBlock("tool_use", null, null, null, id, name, input);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Usage(int inputTokens, int cacheCreationInputTokens, int cacheReadInputTokens, int outputTokens) {

        static Usage of(int inputTokens, int outputTokens) {
            return new Usage(inputTokens, 0, 0, outputTokens);
        }
    }
}
