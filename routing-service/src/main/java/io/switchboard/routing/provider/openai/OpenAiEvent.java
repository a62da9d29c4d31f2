package io.switchboard.routing.provider.openai;

import io.switchboard.routing.chat.ChatChunk;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One server-sent event of an OpenAI-compatible stream. */
sealed interface OpenAiEvent {

    /** A chunk ({@code "object": "chat.completion.chunk"}). */
    record Chunk(ChatChunk chunk) implements OpenAiEvent {
    }

    /** {@code {"error": {...}}}, how OpenAI-compatible servers report a failure inside a stream. */
    record Error(JsonNode error) implements OpenAiEvent {
    }

    /** {@code [DONE]}, the end of the stream. */
    record Done() implements OpenAiEvent {
    }

    /** Anything else (a keep-alive object some servers send): kept, and passes without effect. */
    record Unknown(JsonNode raw) implements OpenAiEvent {
    }

    static OpenAiEvent parse(String data, JsonMapper mapper) {
        if ("[DONE]".equals(data.trim())) {
            return new Done();
        }
        JsonNode node = mapper.readTree(data);
        if (node.has("error") && !node.has("choices")) {
            return new Error(node.get("error"));
        }
        if (node.has("choices") || node.has("usage")) {
            return new Chunk(mapper.treeToValue(node, ChatChunk.class));
        }
        return new Unknown(node);
    }
}
