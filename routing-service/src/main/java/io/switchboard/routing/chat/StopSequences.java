package io.switchboard.routing.chat;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads {@code stop}, which the contract allows as one string or an array of strings, as a list; written back as an
 * array, which OpenAI-compatible providers read the same way.
 */
final class StopSequences extends ValueDeserializer<List<String>> {

    @Override
    public List<String> deserialize(JsonParser parser, DeserializationContext context) {
        JsonNode node = context.readTree(parser);
        if (node.isString()) {
            return List.of(node.asString());
        }
        if (node.isArray()) {
            List<String> sequences = new ArrayList<>(node.size());
            for (JsonNode sequence : node) {
                if (!sequence.isString()) {
                    return context.reportInputMismatch(List.class, "must be a string or an array of strings");
                }
                sequences.add(sequence.asString());
            }
            return List.copyOf(sequences);
        }
        return context.reportInputMismatch(List.class, "must be a string or an array of strings");
    }
}
