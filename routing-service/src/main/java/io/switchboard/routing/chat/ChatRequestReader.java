package io.switchboard.routing.chat;

import io.switchboard.kit.error.ApiException;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads a chat request body into a {@link ChatRequest} and checks it, refusing a bad one with a 400 whose message names
 * the field: {@code temperature: expected a number}, {@code messages[2].content: must be a string or an array of
 * content parts}. Types are strict, as OpenAI's API is: a string is never read as a number or a boolean, and a
 * fraction never as an integer, so a caller's value is never quietly changed into another.
 */
@Component
public class ChatRequestReader {

    private final JsonMapper strict;

    public ChatRequestReader(JsonMapper mapper) {
        this.strict = mapper.rebuild()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Jackson reads any scalar into a String by default; a number or boolean is not text.
                .withCoercionConfig(LogicalType.Textual, text -> text.setCoercion(CoercionInputShape.Integer,
                        CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }

    public ChatRequest read(byte[] body) {
        if (body.length == 0) {
            throw ApiException.badRequest("A JSON request body is required");
        }
        JsonNode tree;
        try {
            tree = strict.readTree(body);
        } catch (JacksonException notJson) {
            throw ApiException.badRequest("Request body is not valid JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw ApiException.badRequest("Request body must be a JSON object");
        }
        ChatRequest request;
        try {
            request = strict.treeToValue(tree, ChatRequest.class);
        } catch (DatabindException wrongType) {
            throw ApiException.badRequest(describe(wrongType));
        }
        ChatRequestValidator.validate(request);
        return request;
    }

    /** {@code <path>: <what was expected>}, from Jackson's path to the value it could not read. */
    static String describe(DatabindException failure) {
        String path = path(failure);
        String problem = failure instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                ? expected(mismatch.getTargetType(), failure.getOriginalMessage())
                : "is invalid";
        return path.isEmpty() ? "Request body " + problem : path + ": " + problem;
    }

    private static String path(DatabindException failure) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : failure.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * The JSON type a Java type is read from. The sealed types and the stop list explain themselves in their
     * deserializers' messages.
     */
    private static String expected(Class<?> type, String ownMessage) {
        if (type.isSealed() || type == java.util.List.class && ownMessage.startsWith("must be")) {
            return ownMessage;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "expected an integer";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "expected a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "expected a boolean";
        }
        if (type == String.class) {
            return "expected a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "expected an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "expected an object";
        }
        return "is invalid";
    }
}
