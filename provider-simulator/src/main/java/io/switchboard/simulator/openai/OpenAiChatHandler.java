package io.switchboard.simulator.openai;

import io.switchboard.simulator.fault.Fault;
import io.switchboard.simulator.fault.FaultRegistry;
import io.switchboard.simulator.fault.SimulatedDisconnect;
import io.switchboard.simulator.fault.SimulatorPaths;
import io.switchboard.simulator.fault.StreamFaults;
import io.switchboard.simulator.generation.Generator;
import io.switchboard.simulator.openai.ChatRequestReader.ChatCall;
import io.switchboard.simulator.reply.IdGenerator;
import io.switchboard.simulator.reply.ReplyPlan;
import io.switchboard.simulator.reply.ReplyPlanner;
import io.switchboard.simulator.reply.ToolCallPlan;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code POST .../v1/chat/completions}: checks the request, plans the reply and plays it back in OpenAI's format. */
final class OpenAiChatHandler {

    private static final byte[] NO_BODY = new byte[0];

    private final ReplyPlanner planner;
    private final Generator generator;
    private final Clock clock;
    private final IdGenerator ids;
    private final FaultRegistry faults;

    OpenAiChatHandler(ReplyPlanner planner, Generator generator, Clock clock, IdGenerator ids, FaultRegistry faults) {
        this.planner = planner;
        this.generator = generator;
        this.clock = clock;
        this.ids = ids;
        this.faults = faults;
    }

    Mono<ServerResponse> chatCompletions(ServerRequest request) {
        if (!hasBearerToken(request.headers().firstHeader(HttpHeaders.AUTHORIZATION))) {
            return error(OpenAiException.missingApiKey());
        }
        String prefix = SimulatorPaths.prefixOf(request.requestPath().pathWithinApplication().value());
        return request.bodyToMono(byte[].class)
                .defaultIfEmpty(NO_BODY)
                .map(ChatRequestReader::read)
                .flatMap(call -> respond(call, faults.resolve(prefix, call.fault()).orElse(null)))
                .onErrorResume(DataBufferLimitException.class,
                        e -> error(OpenAiException.tooLarge("Request body too large")))
                .onErrorResume(OpenAiException.class, this::error);
    }

    /** Any key is accepted: the simulator checks that one was sent, as a client misconfiguration would show. */
    private static boolean hasBearerToken(@Nullable String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && !authorization.substring(7).isBlank();
    }

    private Mono<ServerResponse> respond(ChatCall call, @Nullable Fault fault) {
        if (fault instanceof Fault.HttpError error) {
            return error(OpenAiException.ofStatus(error.status(), error.messageOrDefault()), error.retryAfter());
        }
        String id = "chatcmpl-" + ids.next();
        long created = clock.instant().getEpochSecond();
        ReplyPlan plan = planner.plan(call.reply());
        String toolCallId = "call_" + ids.next();
        return switch (plan) {
            case ReplyPlan.Completion completion when call.stream() -> stream(completion,
                    new OpenAiStream.State(id, created, call.reply().model(), call.includeUsage(),
                            completion.toolCall(), toolCallId),
                    fault);
            case ReplyPlan.Completion completion -> StreamFaults
                    .beforeResponse(generator.complete(id, completion), fault)
                    .flatMap(done -> json(completion(done, id, created, call.reply().model(), toolCallId), fault));
        };
    }

    private static ChatCompletion completion(ReplyPlan.Completion plan, String id, long created, String model,
            String toolCallId) {
        ToolCallPlan toolCall = plan.toolCall();
        ChatCompletion.Message message = new ChatCompletion.Message("assistant",
                toolCall != null ? null : plan.content(), plan.reasoning().isEmpty() ? null : plan.reasoningText(),
                toolCall == null
                        ? null
                        : List.of(new ChatCompletion.ToolCall(toolCallId, "function",
                                new ChatCompletion.Function(toolCall.name(), toolCall.arguments()))));
        var choice = new ChatCompletion.Choice(0, message, null, OpenAiStream.finishReason(plan.finishReason()));
        return new ChatCompletion(id, ChatCompletion.OBJECT, created, model, OpenAiStream.SYSTEM_FINGERPRINT,
                List.of(choice), OpenAiStream.usage(plan.usage()));
    }

    /**
     * Writes each event as its own buffer and flushes it at once ({@code writeAndFlushWith}), so a client sees tokens
     * as they are generated; the body is raw bytes, not Spring's SSE encoder, to control the framing exactly.
     */
    private Mono<ServerResponse> stream(ReplyPlan.Completion plan, OpenAiStream.State state, @Nullable Fault fault) {
        Flux<byte[]> events = StreamFaults
                .frames(StreamFaults.events(generator.stream(state.id(), plan), fault),
                        event -> OpenAiStream.translate(event, state).stream().map(OpenAiJson::event).toList(), fault)
                .concatWith(Mono.fromSupplier(OpenAiJson::done));
        BodyInserter<Flux<byte[]>, ReactiveHttpOutputMessage> flushEachEvent = (message, context) -> message
                .writeAndFlushWith(events.map(bytes -> Mono.<DataBuffer>just(message.bufferFactory().wrap(bytes))));
        return ServerResponse.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .body(flushEachEvent);
    }

    /** A whole completion; a disconnect or malformed-chunk fault cuts its body in half (then drops the connection). */
    private static Mono<ServerResponse> json(Object body, @Nullable Fault fault) {
        byte[] bytes = OpenAiJson.write(body);
        Flux<byte[]> content = switch (fault) {
            case Fault.Disconnect disconnect -> Flux.just(StreamFaults.truncated(bytes))
                    .concatWith(Flux.error(new SimulatedDisconnect()));
            case Fault.MalformedChunk malformed -> Flux.just(StreamFaults.truncated(bytes));
            case null, default -> Flux.just(bytes);
        };
        BodyInserter<Flux<byte[]>, ReactiveHttpOutputMessage> write = (message, context) -> message
                .writeAndFlushWith(content.map(chunk -> Mono.<DataBuffer>just(message.bufferFactory().wrap(chunk))));
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(write);
    }

    private Mono<ServerResponse> error(OpenAiException error) {
        return error(error, null);
    }

    private static Mono<ServerResponse> error(OpenAiException error, @Nullable Duration retryAfter) {
        return ServerResponse.status(error.status())
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (retryAfter != null) {
                        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
                    }
                })
                .bodyValue(OpenAiJson.write(error.body()));
    }
}
