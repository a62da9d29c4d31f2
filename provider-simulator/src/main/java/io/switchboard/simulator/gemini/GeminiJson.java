package io.switchboard.simulator.gemini;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/** The simulator's own JSON codec for the Gemini format, keeping the records' declaration order. */
final class GeminiJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private GeminiJson() {
    }

    static <T> T read(byte[] json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    static JsonNode tree(String json) {
        return MAPPER.readTree(json);
    }

    static String text(JsonNode json) {
        return MAPPER.writeValueAsString(json);
    }

    static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    /** One event as Google frames {@code alt=sse}: {@code data: <json>} and a blank line, with CRLF line ends. */
    static byte[] event(Object value) {
        return ("data: " + MAPPER.writeValueAsString(value) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
