package io.switchboard.routing.provider;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tool-call arguments between formats: OpenAI carries them as a JSON text, Anthropic ({@code tool_use.input}) and
 * Gemini ({@code functionCall.args}) as a JSON object.
 */
public final class ToolArguments {

    private ToolArguments() {
    }

    /**
     * The arguments text of an earlier assistant tool call as an object; an empty text is an empty object. A text that
     * is not a JSON object cannot be expressed in those formats and is refused as the request's fault.
     *
     * @param field the request field holding the text, named in the error
     */
    public static JsonNode toObject(String arguments, String field, JsonMapper mapper) {
        if (arguments.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode node = mapper.readTree(arguments);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JacksonException notJson) {
            // refused below
        }
        throw ProviderException.unsupported(field + ": must be a JSON object for this provider");
    }

    /** An object of arguments as OpenAI's JSON text. */
    public static String toText(JsonNode arguments, JsonMapper mapper) {
        return arguments == null || arguments.isNull() || arguments.isMissingNode()
                ? "{}"
                : mapper.writeValueAsString(arguments);
    }
}
