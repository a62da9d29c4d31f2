package io.switchboard.routing.streaming;

import io.switchboard.routing.chat.ChatChunk;
import java.util.function.Function;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes a streamed completion, each chunk flushed as it arrives, ending with {@code data: [DONE]}.
 *
 * <p><b>When the 200 is committed.</b> Not before there is something to send: the first chunk, or the first
 * {@code : OPENROUTER PROCESSING} keep-alive after {@code keep-alive-interval} without one. So a request that every
 * endpoint refuses quickly (the common case: connection refused, 5xx, 429, breakers open) gets a real HTTP error
 * status and OpenRouter's error JSON, which the OpenAI SDKs raise as a typed {@code APIStatusError} and retry when
 * retryable; and the gateway sees no {@code X-Generation-Id}, so it releases the credit reservation at once. A request
 * still waiting after the interval is committed, as OpenRouter does (its errors guide: once processing started, the
 * status is 200 and errors arrive as SSE events), so that no proxy or client times out a slow first token; if every
 * endpoint then fails, the stream carries one error chunk ({@code finish_reason: "error"}, top-level {@code error}),
 * which the OpenAI SDKs raise as an {@code APIError}, then {@code [DONE]}.
 */
@Component
public class SseResponder {

    public static final String GENERATION_ID_HEADER = "X-Generation-Id";

    private final SseFrames frames;
    private final StreamingProperties properties;

    public SseResponder(SseFrames frames, StreamingProperties properties) {
        this.frames = frames;
        this.properties = properties;
    }

    /**
     * @param generationId sent as {@code X-Generation-Id} once the response is committed
     * @param chunks the chunks for the client; an error means nothing was served (it has already become the last
     *        chunks otherwise)
     * @param failureChunk the error chunk for a failure after the response was committed
     */
    public Mono<ServerResponse> respond(String generationId, Flux<ChatChunk> chunks,
            Function<Throwable, ChatChunk> failureChunk) {
        return ServerResponse.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .header(GENERATION_ID_HEADER, generationId)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header("X-Accel-Buffering", "no")
                .build((exchange, context) -> {
                    ServerHttpResponse response = exchange.getResponse();
                    DataBufferFactory buffers = response.bufferFactory();
                    return withKeepAlive(chunks.map(chunk -> frames.chunk(chunk, buffers)), buffers)
                            .switchOnFirst((first, events) -> {
                                if (first.isOnError()) {
                                    // Nothing written: the error handler answers with the error's status and JSON.
                                    clearStreamHeaders(response);
                                    return Mono.error(first.getThrowable());
                                }
                                Flux<DataBuffer> body = events
                                        .onErrorResume(failure -> Mono.fromSupplier(
                                                () -> frames.chunk(failureChunk.apply(failure), buffers)))
                                        .concatWith(Mono.fromSupplier(() -> frames.done(buffers)));
                                return response.writeAndFlushWith(body.map(Mono::just));
                            })
                            .then();
                });
    }

    /** The frames, with a keep-alive comment every interval until the first one. */
    private Flux<DataBuffer> withKeepAlive(Flux<DataBuffer> frames, DataBufferFactory buffers) {
        return frames.publish(shared -> Flux.merge(shared,
                Flux.interval(properties.keepAliveInterval())
                        .map(tick -> this.frames.processing(buffers))
                        .takeUntilOther(shared.take(1).count().onErrorReturn(0L))));
    }

    private static void clearStreamHeaders(ServerHttpResponse response) {
        HttpHeaders headers = response.getHeaders();
        headers.remove(GENERATION_ID_HEADER);
        headers.remove(HttpHeaders.CACHE_CONTROL);
        headers.remove("X-Accel-Buffering");
    }
}
