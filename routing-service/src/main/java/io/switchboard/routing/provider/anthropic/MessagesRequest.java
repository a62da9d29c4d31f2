package io.switchboard.routing.provider.anthropic;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code POST /v1/messages} request body (https://docs.anthropic.com/en/api/messages).
 *
 * @param maxTokens required by Anthropic
 * @param system the system prompt as text blocks; Anthropic has no system role in {@code messages}
 * @param thinking extended thinking, with its token budget
 * @param extra configured pass-through fields
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record MessagesRequest(String model, int maxTokens, @Nullable List<Block> system, List<Message> messages,
        @Nullable Double temperature, @Nullable Double topP, @Nullable Integer topK,
        @Nullable List<String> stopSequences, @Nullable Boolean stream, @Nullable Metadata metadata,
        @Nullable List<ToolDefinition> tools, @Nullable ToolChoice toolChoice, @Nullable Thinking thinking,
        @JsonAnyGetter Map<String, JsonNode> extra) {

    /** @param role {@code user} or {@code assistant} */
    record Message(String role, List<Block> content) {
    }

    /** A content block of a request; each record carries its {@code type}. */
    sealed interface Block {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TextBlock(String type, String text, @Nullable JsonNode cacheControl) implements Block {

        static TextBlock of(String text, @Nullable JsonNode cacheControl) {
            return new TextBlock("text", text, cacheControl);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ImageBlock(String type, ImageSource source, @Nullable JsonNode cacheControl) implements Block {

        static ImageBlock of(ImageSource source, @Nullable JsonNode cacheControl) {
            return new ImageBlock("image", source, cacheControl);
        }
    }

    /** {@code {"type": "base64", "media_type", "data"}} or {@code {"type": "url", "url"}}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ImageSource(String type, @Nullable String mediaType, @Nullable String data, @Nullable String url) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ToolUseBlock(String type, String id, String name, JsonNode input) implements Block {

        static ToolUseBlock of(String id, String name, JsonNode input) {
            return new ToolUseBlock("tool_use", id, name, input);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ToolResultBlock(String type, String toolUseId, List<Block> content) implements Block {

        static ToolResultBlock of(String toolUseId, List<Block> content) {
            return new ToolResultBlock("tool_result", toolUseId, content);
        }
    }

    /** An earlier turn's thinking, with the signature Anthropic checks it by. */
    record ThinkingBlock(String type, String thinking, String signature) implements Block {

        static ThinkingBlock of(String thinking, String signature) {
            return new ThinkingBlock("thinking", thinking, signature);
        }
    }

    /** An earlier turn's thinking that Anthropic returned encrypted. */
    record RedactedThinkingBlock(String type, String data) implements Block {

        static RedactedThinkingBlock of(String data) {
            return new RedactedThinkingBlock("redacted_thinking", data);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Metadata(String userId) {
    }

    /** @param inputSchema JSON Schema of the tool's input object */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ToolDefinition(String name, @Nullable String description, JsonNode inputSchema) {
    }

    /**
     * @param type {@code auto}, {@code any}, {@code tool} or {@code none}
     * @param name the tool, for {@code tool}
     * @param disableParallelToolUse true for at most one tool call
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ToolChoice(String type, @Nullable String name, @Nullable Boolean disableParallelToolUse) {
    }

    /** @param type {@code enabled}; {@code budget_tokens} at least 1024 and below {@code max_tokens} */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Thinking(String type, int budgetTokens) {
    }
}
