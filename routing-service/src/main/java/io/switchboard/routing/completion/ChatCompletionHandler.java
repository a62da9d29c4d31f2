package io.switchboard.routing.completion;

import io.switchboard.catalog.client.CatalogHolder;
import io.switchboard.kit.identity.IdentityVerificationFilter;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.kit.tracing.TraceHeaders;
import io.switchboard.routing.chat.ChatChunk;
import io.switchboard.routing.chat.ChatCompletion;
import io.switchboard.routing.chat.ChatRequestReader;
import io.switchboard.routing.metrics.RoutingMetrics;
import io.switchboard.routing.selection.Candidate;
import io.switchboard.routing.selection.EndpointSelector;
import io.switchboard.routing.selection.RoutePlan;
import io.switchboard.routing.streaming.SseResponder;
import io.switchboard.routing.usage.GenerationIds;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/chat/completions}: validates the request, plans the endpoints from the in-memory catalog, has
 * {@link ProviderRouter} call them and answers in OpenRouter's shape — a JSON completion, or a stream of chunks passed
 * on one by one as they arrive ({@link SseResponder}), always ending with one usage chunk and {@code data: [DONE]}.
 * Every generation that reached a provider ends in exactly one usage event, whether it completed, failed mid-stream
 * or was cancelled.
 */
@Component
public class ChatCompletionHandler {

    public static final String GENERATION_ID_HEADER = SseResponder.GENERATION_ID_HEADER;

    private final ChatRequestReader requests;
    private final CatalogHolder catalog;
    private final EndpointSelector selector;
    private final ProviderRouter router;
    private final UsageRecorder usage;
    private final GenerationFinisher finisher;
    private final SseResponder sse;
    private final GenerationIds ids;
    private final RoutingMetrics metrics;
    private final Clock clock;
    private final TraceHeaders traceHeaders;

    public ChatCompletionHandler(ChatRequestReader requests, CatalogHolder catalog, EndpointSelector selector,
            ProviderRouter router, UsageRecorder usage, GenerationFinisher finisher, SseResponder sse,
            GenerationIds ids, RoutingMetrics metrics, Clock clock, TraceHeaders traceHeaders) {
        this.requests = requests;
        this.catalog = catalog;
        this.selector = selector;
        this.router = router;
        this.usage = usage;
        this.finisher = finisher;
        this.sse = sse;
        this.ids = ids;
        this.metrics = metrics;
        this.clock = clock;
        this.traceHeaders = traceHeaders;
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        InternalIdentity identity = IdentityVerificationFilter.identityOf(request.exchange());
        return request.bodyToMono(byte[].class)
                .defaultIfEmpty(new byte[0])
                .map(requests::read)
                .flatMap(chat -> {
                    RoutePlan plan = selector.plan(catalog.require(), chat, router.supportedFormats());
                    Generation generation = new Generation(ids.next(), identity, clock.instant(),
                            plan.requestedModel(), chat, request.headers().firstHeader("HTTP-Referer"),
                            request.headers().firstHeader("X-Title"), traceHeaders.of(request.exchange()));
                    GenerationTracker tracker = new GenerationTracker(generation);
                    return chat.isStream()
                            ? stream(tracker, plan.candidates())
                            : complete(tracker, plan.candidates());
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
                .transform(completion -> finisher.finishOn(completion, tracker))
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
                .onErrorResume(failure -> {
                    Candidate served = tracker.served();
                    if (served == null) {
                        return Flux.error(failure);
                    }
                    // After the first byte: OpenRouter's error chunk; the tokens delivered are billed.
                    tracker.failedAfterFirstByte();
                    metrics.attemptFailed(served, failure);
                    return Flux.just(StreamFailures.midStream(failure, tracker), usageChunk(tracker));
                })
                .transform(stream -> finisher.finishOn(stream, tracker))
                .doOnSubscribe(subscription -> metrics.streamOpened());
        return sse.respond(tracker.generation().id(), chunks, failure -> StreamFailures.unserved(failure, tracker));
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
}
