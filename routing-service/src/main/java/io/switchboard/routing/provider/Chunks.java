package io.switchboard.routing.provider;

import io.switchboard.routing.chat.ChatChunk;
import io.switchboard.routing.chat.Usage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the OpenAI stream chunks ({@code ChatStreamChunk}) that adapters of other wire formats translate into, so
 * every adapter shapes them alike: role on the first delta, reasoning in OpenRouter's {@code reasoning} field, tool
 * call fragments indexed, id and name only on a call's first fragment.
 *
 * @param id the provider's response id, the same on every chunk of the stream
 * @param model the model the provider says answered
 * @param created unix seconds
 */
public record Chunks(String id, String model, long created) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The first chunk: {@code {"role": "assistant", "content": ""}}. */
    public ChatChunk role() {
        return delta(new ChatChunk.Delta("assistant", "", new LinkedHashMap<>()));
    }

    public ChatChunk content(String text) {
        return delta(new ChatChunk.Delta(null, text, new LinkedHashMap<>()));
    }

    public ChatChunk reasoning(String text) {
        return reasoning(text, null);
    }

    /**
     * Reasoning text, with the {@code reasoning_details} fragment it belongs to; either may be absent (a signature
     * arrives without text).
     */
    public ChatChunk reasoning(@Nullable String text, @Nullable JsonNode detail) {
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        if (text != null) {
            extra.put("reasoning", NODES.stringNode(text));
        }
        if (detail != null) {
            extra.put(ReasoningDetails.FIELD, NODES.arrayNode().add(detail));
        }
        return delta(new ChatChunk.Delta(null, null, extra));
    }

    /** The first fragment of a tool call: index, id, type, name and the first (possibly empty) arguments. */
    public ChatChunk toolCallStart(int index, String callId, String name, String arguments) {
        ObjectNode call = NODES.objectNode();
        call.put("index", index);
        call.put("id", callId);
        call.put("type", "function");
        call.putObject("function").put("name", name).put("arguments", arguments);
        return toolCall(call);
    }

    /** A later fragment of a tool call: only its index and more of the arguments' JSON text. */
    public ChatChunk toolCallArguments(int index, String arguments) {
        ObjectNode call = NODES.objectNode();
        call.put("index", index);
        call.putObject("function").put("arguments", arguments);
        return toolCall(call);
    }

    /** The last chunk of the choice: an empty delta with the normalised and the provider's own finish reason. */
    public ChatChunk finish(String finishReason, @Nullable String nativeFinishReason) {
        return chunk(List.of(new ChatChunk.ChunkChoice(0, new ChatChunk.Delta(null, null, new LinkedHashMap<>()),
                finishReason, nativeFinishReason, null, new LinkedHashMap<>())), null);
    }

    /** The usage chunk, with empty {@code choices}, as OpenAI sends it with {@code include_usage}. */
    public ChatChunk usage(Usage usage) {
        return chunk(List.of(), usage);
    }

    private ChatChunk toolCall(ObjectNode call) {
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        extra.put("tool_calls", NODES.arrayNode().add(call));
        return delta(new ChatChunk.Delta(null, null, extra));
    }

    private ChatChunk delta(ChatChunk.Delta delta) {
        return chunk(List.of(new ChatChunk.ChunkChoice(0, delta, null, null, null, new LinkedHashMap<>())), null);
    }

    private ChatChunk chunk(List<ChatChunk.ChunkChoice> choices, @Nullable Usage usage) {
        return new ChatChunk(id, null, model, ChatChunk.OBJECT, created, choices, null, usage, null,
                new LinkedHashMap<>());
    }
}
