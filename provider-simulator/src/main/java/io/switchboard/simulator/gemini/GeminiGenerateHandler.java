package io.switchboard.simulator.gemini;

import io.switchboard.simulator.gemini.GenerateContentReader.GenerateCall;
import io.switchboard.simulator.generation.Generator;
import io.switchboard.simulator.reply.IdGenerator;
import io.switchboard.simulator.reply.ReplyPlan;
import io.switchboard.simulator.reply.ReplyPlanner;
import io.switchboard.simulator.reply.ToolCallPlan;
import java.util.ArrayList;
import java.util.List;
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

/**
 * {@code POST .../models/<model>:generateContent} and {@code :streamGenerateContent?alt=sse}: checks the key
 * ({@code x-goog-api-key} or {@code key}, any value) and the request, plans the reply and plays it back. Only the SSE
 * form of the stream is served; without {@code alt=sse} Gemini streams a JSON array, which no adapter reads.
 */
final class GeminiGenerateHandler {

    private static final byte[] NO_BODY = new byte[0];

    private final ReplyPlanner planner;
    private final Generator generator;
    private final IdGenerator ids;

    GeminiGenerateHandler(ReplyPlanner planner, Generator generator, IdGenerator ids) {
        this.planner = planner;
        this.generator = generator;
        this.ids = ids;
    }

    Mono<ServerResponse> generate(ServerRequest request, String model, boolean stream) {
        String key = request.headers().firstHeader("x-goog-api-key");
        if ((key == null || key.isBlank()) && request.queryParam("key").filter(value -> !value.isBlank()).isEmpty()) {
            return error(GeminiException.missingApiKey());
        }
        if (stream && !request.queryParam("alt").filter("sse"::equals).isPresent()) {
            return error(GeminiException.invalidArgument("The simulator streams only with alt=sse."));
        }
        return request.bodyToMono(byte[].class)
                .defaultIfEmpty(NO_BODY)
                .map(body -> GenerateContentReader.read(model, body))
                .flatMap(call -> respond(call, stream))
                .onErrorResume(DataBufferLimitException.class, e -> error(GeminiException.tooLarge()))
                .onErrorResume(GeminiException.class, this::error);
    }

    private Mono<ServerResponse> respond(GenerateCall call, boolean stream) {
        String id = ids.next();
        String model = call.reply().model();
        return switch (planner.plan(call.reply())) {
            case ReplyPlan.Completion completion when stream -> stream(completion,
                    new GeminiStream.State(id, model, completion.promptTokens(), call.includeThoughts(),
                            completion.toolCall()));
            case ReplyPlan.Completion completion -> generator.complete(id, completion)
                    .flatMap(done -> json(response(done, id, model, call.includeThoughts())));
        };
    }

    static GenerateContentResponse response(ReplyPlan.Completion plan, String id, String model,
            boolean includeThoughts) {
        List<GenerateContentResponse.Part> parts = new ArrayList<>();
        if (includeThoughts && !plan.reasoning().isEmpty()) {
            parts.add(GenerateContentResponse.Part.thought(plan.reasoningText()));
        }
        ToolCallPlan toolCall = plan.toolCall();
        if (toolCall != null) {
            parts.add(new GenerateContentResponse.Part(null, null, new GenerateContentResponse.FunctionCall(
                    toolCall.name(), GeminiJson.tree(toolCall.arguments()))));
        } else {
            parts.add(GenerateContentResponse.Part.text(plan.content()));
        }
        return new GenerateContentResponse(List.of(new GenerateContentResponse.Candidate(
                new GenerateContentResponse.Content(parts, "model"), GeminiStream.finishReason(plan.finishReason()),
                0)), GeminiStream.usage(plan.usage()), model, id);
    }

    private Mono<ServerResponse> stream(ReplyPlan.Completion plan, GeminiStream.State state) {
        Flux<byte[]> events = generator.stream(state.responseId(), plan)
                .concatMapIterable(event -> GeminiStream.translate(event, state))
                .map(GeminiJson::event);
        BodyInserter<Flux<byte[]>, ReactiveHttpOutputMessage> flushEachEvent = (message, context) -> message
                .writeAndFlushWith(events.map(bytes -> Mono.<DataBuffer>just(message.bufferFactory().wrap(bytes))));
        return ServerResponse.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .body(flushEachEvent);
    }

    private static Mono<ServerResponse> json(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(GeminiJson.write(body));
    }

    private Mono<ServerResponse> error(GeminiException error) {
        return ServerResponse.status(error.status())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(GeminiJson.write(error.body()));
    }
}
