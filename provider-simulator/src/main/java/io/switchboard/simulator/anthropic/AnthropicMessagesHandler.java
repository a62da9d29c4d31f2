package io.switchboard.simulator.anthropic;

import io.switchboard.simulator.anthropic.MessagesRequestReader.MessagesCall;
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
 * {@code POST .../v1/messages}: checks the request and its headers ({@code x-api-key}, any value, and
 * {@code anthropic-version}), plans the reply and plays it back as a Message or its event stream.
 */
final class AnthropicMessagesHandler {

    private static final byte[] NO_BODY = new byte[0];

    private final ReplyPlanner planner;
    private final Generator generator;
    private final IdGenerator ids;

    AnthropicMessagesHandler(ReplyPlanner planner, Generator generator, IdGenerator ids) {
        this.planner = planner;
        this.generator = generator;
        this.ids = ids;
    }

    Mono<ServerResponse> messages(ServerRequest request) {
        String apiKey = request.headers().firstHeader("x-api-key");
        if (apiKey == null || apiKey.isBlank()) {
            return error(AnthropicException.missingApiKey());
        }
        if (request.headers().firstHeader("anthropic-version") == null) {
            return error(AnthropicException.invalidRequest("anthropic-version: header is required"));
        }
        return request.bodyToMono(byte[].class)
                .defaultIfEmpty(NO_BODY)
                .map(MessagesRequestReader::read)
                .flatMap(this::respond)
                .onErrorResume(DataBufferLimitException.class, e -> error(AnthropicException.tooLarge()))
                .onErrorResume(AnthropicException.class, this::error);
    }

    private Mono<ServerResponse> respond(MessagesCall call) {
        String id = "msg_" + ids.next();
        String toolUseId = "toolu_" + ids.next();
        String model = call.reply().model();
        return switch (planner.plan(call.reply())) {
            case ReplyPlan.Completion completion when call.stream() -> stream(completion,
                    new AnthropicStream.State(id, model, completion.promptTokens(), completion.toolCall(),
                            toolUseId));
            case ReplyPlan.Completion completion -> generator.complete(id, completion)
                    .flatMap(done -> json(message(done, id, model, toolUseId)));
        };
    }

    static Message message(ReplyPlan.Completion plan, String id, String model, String toolUseId) {
        List<Message.ContentBlock> content = new ArrayList<>();
        if (!plan.reasoning().isEmpty()) {
            content.add(Message.ContentBlock.thinking(plan.reasoningText(), Message.SIGNATURE));
        }
        if (!plan.tokens().isEmpty()) {
            content.add(Message.ContentBlock.text(plan.content()));
        }
        ToolCallPlan toolCall = plan.toolCall();
        if (toolCall != null) {
            content.add(Message.ContentBlock.toolUse(toolUseId, toolCall.name(),
                    AnthropicJson.tree(toolCall.arguments())));
        }
        return new Message(id, "message", "assistant", model, content,
                AnthropicStream.stopReason(plan.finishReason()), null,
                Message.Usage.of(plan.promptTokens(), plan.usage().completionTokens()));
    }

    /** Each event written and flushed on its own, so a client sees tokens as they are generated. */
    private Mono<ServerResponse> stream(ReplyPlan.Completion plan, AnthropicStream.State state) {
        Flux<byte[]> events = generator.stream(state.id(), plan)
                .concatMapIterable(event -> AnthropicStream.translate(event, state))
                .map(AnthropicJson::event);
        BodyInserter<Flux<byte[]>, ReactiveHttpOutputMessage> flushEachEvent = (message, context) -> message
                .writeAndFlushWith(events.map(bytes -> Mono.<DataBuffer>just(message.bufferFactory().wrap(bytes))));
        return ServerResponse.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .body(flushEachEvent);
    }

    private static Mono<ServerResponse> json(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(AnthropicJson.write(body));
    }

    private Mono<ServerResponse> error(AnthropicException error) {
        return ServerResponse.status(error.status())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(AnthropicJson.write(error.body()));
    }
}
