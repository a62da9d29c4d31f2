package io.switchboard.routing.chat;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The text a model generated in a message or a stream delta: content, reasoning, and the names and arguments of tool
 * calls. All of it is billed as completion tokens, so all of it is counted when a provider reports no usage.
 */
final class GeneratedText {

    private GeneratedText() {
    }

    static String of(@Nullable String content, Map<String, JsonNode> extra) {
        StringBuilder text = new StringBuilder(reasoning(extra));
        if (content != null) {
            text.append(content);
        }
        JsonNode toolCalls = extra.get("tool_calls");
        if (toolCalls != null && toolCalls.isArray()) {
            for (JsonNode call : toolCalls) {
                text.append(call.path("function").path("name").asString(""));
                text.append(call.path("function").path("arguments").asString(""));
            }
        }
        return text.toString();
    }

    /** OpenRouter's {@code reasoning} field, or empty. */
    static String reasoning(Map<String, JsonNode> extra) {
        JsonNode reasoning = extra.get("reasoning");
        return reasoning != null && reasoning.isString() ? reasoning.asString() : "";
    }
}
