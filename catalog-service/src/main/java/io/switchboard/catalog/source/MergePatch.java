package io.switchboard.catalog.source;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Merge Patch (RFC 7386), how an operator's edit of an entry is expressed and kept: the fields given replace the
 * entry's, objects merge field by field, and {@code null} removes a field.
 */
final class MergePatch {

    private MergePatch() {
    }

    /** {@code target} with {@code patch} applied (RFC 7386 section 2); neither argument is modified. */
    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target.isObject() ? (ObjectNode) target.deepCopy() : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                JsonNode current = result.get(field.getKey());
                result.set(field.getKey(),
                        apply(current == null ? JsonNodeFactory.instance.nullNode() : current, field.getValue()));
            }
        }
        return result;
    }

    /**
     * One patch doing what applying {@code first} and then {@code second} does, keeping {@code null}s (a removal the
     * operator asked for must keep removing the file's value). Exact except where {@code first} removes an object that
     * {@code second} then patches; no catalog entry has an optional object, so that never reaches a valid catalog.
     */
    static ObjectNode compose(ObjectNode first, ObjectNode second) {
        ObjectNode result = first.deepCopy();
        for (Map.Entry<String, JsonNode> field : second.properties()) {
            JsonNode earlier = result.get(field.getKey());
            if (field.getValue().isObject() && earlier != null && earlier.isObject()) {
                result.set(field.getKey(), compose((ObjectNode) earlier, (ObjectNode) field.getValue()));
            } else {
                result.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return result;
    }
}
