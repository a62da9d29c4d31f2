package io.switchboard.routing.provider;

import io.switchboard.routing.chat.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenRouter's {@code reasoning_details} (contract: {@code ReasoningDetailUnion}): the provider's reasoning with what
 * it needs back on the next turn, such as Anthropic's thinking signatures and Gemini's thought signatures. A client
 * that sends an assistant message back with its {@code reasoning_details} lets the adapter restore them, which both
 * providers require when a conversation with reasoning continues after a tool call.
 */
public final class ReasoningDetails {

    public static final String FIELD = "reasoning_details";
    public static final String TEXT = "reasoning.text";
    public static final String ENCRYPTED = "reasoning.encrypted";
    public static final String ANTHROPIC = "anthropic-claude-v1";
    public static final String GEMINI = "google-gemini-v1";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReasoningDetails() {
    }

    /** A {@code reasoning.text} detail, or a fragment of one in a stream. */
    public static ObjectNode text(@Nullable String text, @Nullable String signature, String format, int index) {
        ObjectNode detail = NODES.objectNode().put("type", TEXT);
        if (text != null) {
            detail.put("text", text);
        }
        if (signature != null) {
            detail.put("signature", signature);
        }
        return detail.put("format", format).put("index", index);
    }

    /** A {@code reasoning.encrypted} detail, with the tool call it belongs to when there is one. */
    public static ObjectNode encrypted(String data, @Nullable String id, String format, int index) {
        ObjectNode detail = NODES.objectNode().put("type", ENCRYPTED).put("data", data);
        if (id != null) {
            detail.put("id", id);
        }
        return detail.put("format", format).put("index", index);
    }

    /** The details of an earlier assistant message in one format, in order. */
    public static List<JsonNode> of(ChatMessage message, String format) {
        JsonNode details = message.extra().get(FIELD);
        List<JsonNode> matching = new ArrayList<>();
        if (details != null && details.isArray()) {
            for (JsonNode detail : details) {
                if (format.equals(detail.path("format").asString(""))) {
                    matching.add(detail);
                }
            }
        }
        return matching;
    }
}
