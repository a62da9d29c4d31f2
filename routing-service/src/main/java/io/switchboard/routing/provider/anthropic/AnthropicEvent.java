package io.switchboard.routing.provider.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event of a Messages stream (https://docs.anthropic.com/en/api/messages-streaming): {@code message_start}, then
 * per content block {@code content_block_start}, {@code content_block_delta}s and {@code content_block_stop}, then
 * {@code message_delta} and {@code message_stop}; {@code ping}s anywhere, and {@code error}. "We may occasionally add
 * new event types, and your code should handle unknown event types gracefully": those are {@link Unknown}.
 */
sealed interface AnthropicEvent {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MessageStart(MessagesResponse message) implements AnthropicEvent {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContentBlockStart(int index, MessagesResponse.ContentBlock contentBlock) implements AnthropicEvent {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContentBlockDelta(int index, Delta delta) implements AnthropicEvent {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContentBlockStop(int index) implements AnthropicEvent {
    }

    /** @param usage cumulative counts */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MessageDelta(StopDelta delta, MessagesResponse.@Nullable Usage usage) implements AnthropicEvent {
    }

    record MessageStop() implements AnthropicEvent {
    }

    record Ping() implements AnthropicEvent {
    }

    /** A failure after the stream began, such as {@code overloaded_error}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(ErrorDetail error) implements AnthropicEvent {
    }

    /** An event type this adapter does not know, kept rather than failed on. */
    record Unknown(String type, JsonNode raw) implements AnthropicEvent {
    }

    /**
     * A block delta: {@code text_delta} ({@code text}), {@code input_json_delta} ({@code partial_json}),
     * {@code thinking_delta} ({@code thinking}), {@code signature_delta} ({@code signature}); others are ignored.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Delta(@Nullable String type, @Nullable String text, @Nullable String partialJson,
            @Nullable String thinking, @Nullable String signature) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StopDelta(@Nullable String stopReason, @Nullable String stopSequence) {
    }

    /** @param type {@code overloaded_error}, {@code api_error}, {@code rate_limit_error}, ... */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorDetail(@Nullable String type, @Nullable String message) {
    }

    /** Reads one event's data, told apart by its {@code type} (which repeats the SSE event name). */
    static AnthropicEvent parse(String data, JsonMapper mapper) {
        JsonNode node = mapper.readTree(data);
        String type = node.path("type").asString("");
        return switch (type) {
            case "message_start" -> mapper.treeToValue(node, MessageStart.class);
            case "content_block_start" -> mapper.treeToValue(node, ContentBlockStart.class);
            case "content_block_delta" -> mapper.treeToValue(node, ContentBlockDelta.class);
            case "content_block_stop" -> mapper.treeToValue(node, ContentBlockStop.class);
            case "message_delta" -> mapper.treeToValue(node, MessageDelta.class);
            case "message_stop" -> new MessageStop();
            case "ping" -> new Ping();
            case "error" -> mapper.treeToValue(node, Error.class);
            default -> new Unknown(type, node);
        };
    }
}
