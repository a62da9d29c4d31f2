package io.switchboard.simulator.anthropic;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's own JSON codec for the Anthropic format, independent of the application's settings, with the
 * declaration order of the records (Anthropic's own: {@code type} first) rather than Jackson 3's alphabetical one.
 */
final class AnthropicJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private AnthropicJson() {
    }

    static <T> T read(byte[] json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    static JsonNode tree(String json) {
        return MAPPER.readTree(json);
    }

    static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    /** A named server-sent event, as Anthropic frames every event: {@code event: <type>}, {@code data: <json>}. */
    static byte[] event(AnthropicStream.Event event) {
        return ("event: " + event.type() + "\ndata: " + MAPPER.writeValueAsString(event) + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
