package io.switchboard.simulator.openai;

import io.switchboard.simulator.generation.Generator;
import io.switchboard.simulator.openai.ChatRequestReader.ChatCall;
import io.switchboard.simulator.reply.IdGenerator;
import io.switchboard.simulator.reply.ReplyPlan;
import io.switchboard.simulator.reply.ReplyPlanner;
import io.switchboard.simulator.reply.ToolCallPlan;
import java.time.Clock;
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

    OpenAiChatHandler(ReplyPlanner planner, Generator generator, Clock clock, IdGenerator ids) {
        this.planner = planner;
        this.generator = generator;
        this.clock = clock;
        this.ids = ids;
    }

    Mono<ServerResponse> chatCompletions(ServerRequest request) {
        if (!hasBearerToken(request.headers().firstHeader(HttpHeaders.AUTHORIZATION))) {
            return error(OpenAiException.missingApiKey());
        }
        return request.bodyToMono(byte[].class)
                .defaultIfEmpty(NO_BODY)
                .map(ChatRequestReader::read)
                .flatMap(this::respond)
                .onErrorResume(DataBufferLimitException.class,
                        e -> error(OpenAiException.tooLarge("Request body too large")))
                .onErrorResume(OpenAiException.class, this::error);
    }

    /** Any key is accepted: the simulator checks that one was sent, as a client misconfiguration would show. */
    private static boolean hasBearerToken(@Nullable String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && !authorization.substring(7).isBlank();
    }

    private Mono<ServerResponse> respond(ChatCall call) {
        String id = "chatcmpl-" + ids.next();
        long created = clock.instant().getEpochSecond();
        ReplyPlan plan = planner.plan(call.reply());
        String toolCallId = "call_" + ids.next();
        return switch (plan) {
            case ReplyPlan.Completion completion when call.stream() -> stream(completion,
                    new OpenAiStream.State(id, created, call.reply().model(), call.includeUsage(),
                            completion.toolCall(), toolCallId));
            case ReplyPlan.Completion completion -> generator.complete(id, completion)
                    .flatMap(done -> json(completion(done, id, created, call.reply().model(), toolCallId)));
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
    private Mono<ServerResponse> stream(ReplyPlan.Completion plan, OpenAiStream.State state) {
        Flux<byte[]> events = generator.stream(state.id(), plan)
                .concatMapIterable(event -> OpenAiStream.translate(event, state))
                .map(OpenAiJson::event)
                .concatWith(Mono.fromSupplier(OpenAiJson::done));
        BodyInserter<Flux<byte[]>, ReactiveHttpOutputMessage> flushEachEvent = (message, context) -> message
                .writeAndFlushWith(events.map(bytes -> Mono.<DataBuffer>just(message.bufferFactory().wrap(bytes))));
        return ServerResponse.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .body(flushEachEvent);
    }

    private static Mono<ServerResponse> json(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(OpenAiJson.write(body));
    }

    private Mono<ServerResponse> error(OpenAiException error) {
        return ServerResponse.status(error.status())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(OpenAiJson.write(error.body()));
    }
}
