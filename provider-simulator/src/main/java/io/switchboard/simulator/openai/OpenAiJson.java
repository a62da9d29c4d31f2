package io.switchboard.simulator.openai;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's own JSON codec for the OpenAI wire format, independent of the application's {@code spring.jackson.*}
 * settings, so the bytes on the wire are what the golden files say. Properties keep declaration order (OpenAI's own
 * order: {@code id} first) rather than Jackson 3's alphabetical default.
 */
final class OpenAiJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

    private OpenAiJson() {
    }

    static <T> T read(byte[] json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    /**
     * One server-sent event as OpenAI frames it: {@code data: <json>} and a blank line. JSON never contains a raw
     * newline, so a single {@code data:} line always suffices.
     */
    static byte[] event(Object value) {
        return ("data: " + MAPPER.writeValueAsString(value) + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The stream's terminator, {@code data: [DONE]}, which is not JSON. */
    static byte[] done() {
        return DONE.clone();
    }
}
