package io.switchboard.routing.completion;

import io.switchboard.catalog.client.CatalogHolder;
import io.switchboard.kit.identity.IdentityVerificationFilter;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.routing.chat.ChatChunk;
import io.switchboard.routing.chat.ChatCompletion;
import io.switchboard.routing.chat.ChatRequestReader;
import io.switchboard.routing.provider.ProviderException;
import io.switchboard.routing.selection.Candidate;
import io.switchboard.routing.selection.EndpointSelector;
import io.switchboard.routing.streaming.SseFrames;
import io.switchboard.routing.usage.GenerationIds;
import io.switchboard.usage.Outcome;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * {@code POST /api/v1/chat/completions}: validates the request, picks candidates from the in-memory catalog, has
 * {@link ProviderRouter} call them and answers in OpenRouter's shape — a JSON completion, or a stream of chunks passed
 * on one by one as they arrive, always ending with one usage chunk and {@code data: [DONE]}. Every generation that
 * reached a provider ends in exactly one usage event, whether it completed, failed mid-stream or was cancelled.
 */
@Component
public class ChatCompletionHandler {

    public static final String GENERATION_ID_HEADER = "X-Generation-Id";

    private final ChatRequestReader requests;
    private final CatalogHolder catalog;
    private final EndpointSelector selector;
    private final ProviderRouter router;
    private final UsageRecorder usage;
    private final SseFrames frames;
    private final GenerationIds ids;
    private final Clock clock;

    public ChatCompletionHandler(ChatRequestReader requests, CatalogHolder catalog, EndpointSelector selector,
            ProviderRouter router, UsageRecorder usage, SseFrames frames, GenerationIds ids, Clock clock) {
        this.requests = requests;
        this.catalog = catalog;
        this.selector = selector;
        this.router = router;
        this.usage = usage;
        this.frames = frames;
        this.ids = ids;
        this.clock = clock;
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        InternalIdentity identity = IdentityVerificationFilter.identityOf(request.exchange());
        return request.bodyToMono(byte[].class)
                .defaultIfEmpty(new byte[0])
                .map(requests::read)
                .flatMap(chat -> {
                    List<Candidate> candidates = selector.candidates(catalog.require(), chat,
                            router.supportedFormats());
                    Generation generation = new Generation(ids.next(), identity, clock.instant(),
                            candidates.getFirst().model().id(), chat, request.headers().firstHeader("HTTP-Referer"),
                            request.headers().firstHeader("X-Title"));
                    GenerationTracker tracker = new GenerationTracker(generation);
                    return chat.isStream() ? stream(tracker, candidates) : complete(tracker, candidates);
                });
    }

    private Mono<ServerResponse> complete(GenerationTracker tracker, List<Candidate> candidates) {
        Generation generation = tracker.generation();
        return router.complete(candidates, tracker)
                .map(completion -> {
                    tracker.observe(completion, clock.instant());
                    Candidate served = tracker.served();
                    return new ChatCompletion(generation.id(), served.provider().name(), served.model().id(),
                            ChatCompletion.OBJECT, generation.createdEpochSecond(), completion.choices(),
                            completion.systemFingerprint(), usage.clientUsage(usage.tokens(tracker), served),
                            completion.extra());
                })
                .doFinally(signal -> usage.record(tracker, outcome(signal, tracker)))
                .flatMap(body -> ServerResponse.ok()
                        .header(GENERATION_ID_HEADER, generation.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body));
    }

    private Mono<ServerResponse> stream(GenerationTracker tracker, List<Candidate> candidates) {
        Flux<ChatChunk> chunks = router.stream(candidates, tracker)
                .doOnNext(chunk -> tracker.observe(chunk, clock.instant()))
                .map(chunk -> forClient(chunk, tracker))
                .filter(chunk -> !chunk.choices().isEmpty())
                .concatWith(Mono.fromSupplier(() -> usageChunk(tracker)))
                .onErrorResume(failure -> tracker.served() == null
                        ? Flux.error(failure)
                        : Flux.just(errorChunk(failure, tracker), usageChunk(tracker)))
                .doFinally(signal -> usage.record(tracker, outcome(signal, tracker)));
        return ServerResponse.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .header(GENERATION_ID_HEADER, tracker.generation().id())
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no")
                .build((exchange, context) -> {
                    DataBufferFactory buffers = exchange.getResponse().bufferFactory();
                    return exchange.getResponse()
                            .writeAndFlushWith(chunks.map(chunk -> frames.chunk(chunk, buffers))
                                    .concatWith(Mono.fromSupplier(() -> frames.done(buffers)))
                                    .map(Mono::just));
                });
    }

    /** The provider's chunk as the client sees it: our generation id, the public model id and provider name. */
    private static ChatChunk forClient(ChatChunk chunk, GenerationTracker tracker) {
        Generation generation = tracker.generation();
        Candidate served = tracker.served();
        return new ChatChunk(generation.id(), served.provider().name(), served.model().id(), ChatChunk.OBJECT,
                generation.createdEpochSecond(), chunk.choices(), chunk.systemFingerprint(), null, null,
                chunk.extra());
    }

    private ChatChunk usageChunk(GenerationTracker tracker) {
        Generation generation = tracker.generation();
        Candidate served = tracker.served();
        return new ChatChunk(generation.id(), served.provider().name(), served.model().id(), ChatChunk.OBJECT,
                generation.createdEpochSecond(), List.of(), null, usage.clientUsage(usage.tokens(tracker), served),
                null, new LinkedHashMap<>());
    }

    /** A failure after the first byte: OpenRouter's mid-stream error chunk, then the stream ends. */
    private static ChatChunk errorChunk(Throwable failure, GenerationTracker tracker) {
        tracker.failedAfterFirstByte();
        Generation generation = tracker.generation();
        Candidate served = tracker.served();
        int code = failure instanceof ProviderException provider && provider.status() != null
                ? provider.status()
                : 502;
        ChatChunk.ChunkChoice choice = new ChatChunk.ChunkChoice(0,
                new ChatChunk.Delta(null, "", new LinkedHashMap<>()), "error", null, null, new LinkedHashMap<>());
        return new ChatChunk(generation.id(), served.provider().name(), served.model().id(), ChatChunk.OBJECT,
                generation.createdEpochSecond(), List.of(choice), null, null,
                new ChatChunk.ChunkError(code, "Provider stream failed: " + failure.getMessage(),
                        Map.of("provider_name", served.provider().name())),
                new LinkedHashMap<>());
    }

    private static Outcome outcome(SignalType signal, GenerationTracker tracker) {
        if (signal == SignalType.CANCEL) {
            return Outcome.CANCELLED;
        }
        return signal == SignalType.ON_COMPLETE && !tracker.hasFailedAfterFirstByte()
                ? Outcome.COMPLETED
                : Outcome.FAILED;
    }
}
