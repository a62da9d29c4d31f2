package io.switchboard.routing.streaming;

import io.switchboard.routing.chat.ChatChunk;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server-sent event framing exactly as OpenAI and OpenRouter write it: {@code data: <json>\n\n} per chunk and
 * {@code data: [DONE]\n\n} at the end (https://html.spec.whatwg.org/multipage/server-sent-events.html).
 */
@Component
public class SseFrames {

    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
    /**
     * OpenRouter's keep-alive while a request waits for its first token: an SSE comment, which every conforming
     * client (the OpenAI SDKs included) skips (https://openrouter.ai/docs/api-reference/streaming).
     */
    private static final byte[] PROCESSING = ": OPENROUTER PROCESSING\n\n".getBytes(StandardCharsets.US_ASCII);

    private final JsonMapper mapper;

    public SseFrames(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public DataBuffer chunk(ChatChunk chunk, DataBufferFactory buffers) {
        byte[] json = mapper.writeValueAsBytes(chunk);
        DataBuffer buffer = buffers.allocateBuffer(DATA.length + json.length + END.length);
        return buffer.write(DATA).write(json).write(END);
    }

    public DataBuffer done(DataBufferFactory buffers) {
        return buffers.wrap(DONE);
    }

    public DataBuffer processing(DataBufferFactory buffers) {
        return buffers.wrap(PROCESSING);
    }
}
