package io.switchboard.gateway.ratelimit;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * What a token correction needs from a {@code switchboard.usage.v1} event: {@code data.key_id},
 * {@code data.request_id} and {@code data.usage.prompt_tokens + completion_tokens}, read with a streaming parser that
 * skips everything else. Binding the whole CloudEvent into its records (a dozen nested records built through their
 * constructors, for every generation of the cluster) was the gateway's largest own cost under load; this reads one
 * event in a few microseconds.
 *
 * @param keyId hash of the key whose bucket is corrected
 * @param requestId the request whose estimate is replaced
 * @param totalTokens prompt plus completion tokens, as {@code TokenUsage.totalTokens()}
 */
record UsageTokens(String keyId, String requestId, long totalTokens) {

    private static final JsonFactory JSON = new JsonFactory();

    /** The event's figures; {@link IllegalArgumentException} when the record is not a usage event. */
    static UsageTokens read(byte[] event) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), event)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT, "not a JSON object");
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("data".equals(name) && value == JsonToken.START_OBJECT) {
                    return data(parser);
                }
                parser.skipChildren();
            }
            throw new IllegalArgumentException("no data object");
        } catch (JacksonException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    private static UsageTokens data(JsonParser parser) {
        String keyId = null;
        String requestId = null;
        long prompt = -1;
        long completion = -1;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "key_id" -> keyId = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                case "request_id" -> requestId = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                case "usage" -> {
                    expect(value == JsonToken.START_OBJECT, "usage is not an object");
                    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                        String field = parser.currentName();
                        JsonToken number = parser.nextToken();
                        if ("prompt_tokens".equals(field) || "completion_tokens".equals(field)) {
                            expect(number == JsonToken.VALUE_NUMBER_INT, field + " is not an integer");
                            long tokens = parser.getLongValue();
                            expect(tokens >= 0, "token counts cannot be negative");
                            if ("prompt_tokens".equals(field)) {
                                prompt = tokens;
                            } else {
                                completion = tokens;
                            }
                        } else {
                            parser.skipChildren();
                        }
                    }
                }
                default -> parser.skipChildren();
            }
        }
        expect(keyId != null && requestId != null, "key_id or request_id missing");
        expect(prompt >= 0 && completion >= 0, "usage tokens missing");
        return new UsageTokens(keyId, requestId, prompt + completion);
    }

    private static void expect(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
