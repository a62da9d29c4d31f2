package io.switchboard.simulator.anthropic;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.simulator.generation.GenerationEvent;
import io.switchboard.simulator.reply.FinishReason;
import io.switchboard.simulator.reply.TokenKind;
import io.switchboard.simulator.reply.ToolCallPlan;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Translates generation events to Anthropic's stream events: {@code message_start} and a {@code ping} when the
 * generation starts; a content block per kind of token (thinking, text, tool use), opened by
 * {@code content_block_start}, filled by {@code content_block_delta}s and closed by {@code content_block_stop} (a
 * thinking block with its {@code signature_delta} first); {@code message_delta} with the stop reason and output tokens,
 * then {@code message_stop}. A pure step with per-response state.
 */
final class AnthropicStream {

    /** One server-sent event; {@link #type()} is also its SSE event name. */
    sealed interface Event {

        String type();
    }

    record MessageStart(String type, Message message) implements Event {
    }

    record Ping(String type) implements Event {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ContentBlockStart(String type, int index, Message.ContentBlock contentBlock) implements Event {
    }

    record ContentBlockDelta(String type, int index, Delta delta) implements Event {
    }

    record ContentBlockStop(String type, int index) implements Event {
    }

    record MessageDelta(String type, StopDelta delta, OutputUsage usage) implements Event {
    }

    record MessageStop(String type) implements Event {
    }

    /** {@code text_delta}, {@code thinking_delta}, {@code signature_delta} or {@code input_json_delta}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delta(String type, @Nullable String text, @Nullable String thinking, @Nullable String signature,
            @Nullable String partialJson) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record StopDelta(String stopReason, @Nullable String stopSequence) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record OutputUsage(int outputTokens) {
    }

    /** What one response's events share, and which block is open. Created per response, never shared. */
    static final class State {

        private final String id;
        private final String model;
        private final int inputTokens;
        private final @Nullable ToolCallPlan toolCall;
        private final String toolUseId;
        private @Nullable TokenKind open;
        private int index = -1;

        /**
         * @param id {@code msg_...}
         * @param model the model the client asked for
         * @param inputTokens the prompt's tokens, reported in {@code message_start}
         * @param toolCall the tool the reply calls, or null
         * @param toolUseId the call's id, {@code toolu_...}
         */
        State(String id, String model, int inputTokens, @Nullable ToolCallPlan toolCall, String toolUseId) {
            this.id = id;
            this.model = model;
            this.inputTokens = inputTokens;
            this.toolCall = toolCall;
            this.toolUseId = toolUseId;
        }

        String id() {
            return id;
        }
    }

    private AnthropicStream() {
    }

    static List<Event> translate(GenerationEvent event, State state) {
        return switch (event) {
            case GenerationEvent.Started started -> List.of(new MessageStart("message_start",
                    new Message(state.id, "message", "assistant", state.model, List.of(), null, null,
                            Message.Usage.of(state.inputTokens, 1))),
                    new Ping("ping"));
            case GenerationEvent.Token token -> token(token, state);
            case GenerationEvent.Finished finished -> {
                List<Event> events = new ArrayList<>(close(state));
                events.add(new MessageDelta("message_delta", new StopDelta(stopReason(finished.finishReason()), null),
                        new OutputUsage(finished.usage().completionTokens())));
                events.add(new MessageStop("message_stop"));
                yield events;
            }
        };
    }

    static String stopReason(FinishReason reason) {
        return switch (reason) {
            case STOP -> "end_turn";
            case LENGTH -> "max_tokens";
            case TOOL_CALLS -> "tool_use";
        };
    }

    private static List<Event> token(GenerationEvent.Token token, State state) {
        List<Event> events = new ArrayList<>();
        if (token.kind() != state.open) {
            events.addAll(close(state));
            state.open = token.kind();
            state.index++;
            events.add(new ContentBlockStart("content_block_start", state.index, start(token.kind(), state)));
        }
        Delta delta = switch (token.kind()) {
            case REASONING -> new Delta("thinking_delta", null, token.text(), null, null);
            case CONTENT -> new Delta("text_delta", token.text(), null, null, null);
            case TOOL_ARGUMENTS -> new Delta("input_json_delta", null, null, null, token.text());
        };
        events.add(new ContentBlockDelta("content_block_delta", state.index, delta));
        return events;
    }

    private static Message.ContentBlock start(TokenKind kind, State state) {
        return switch (kind) {
            case REASONING -> Message.ContentBlock.thinking("", null);
            case CONTENT -> Message.ContentBlock.text("");
            // The input arrives as input_json_delta fragments; the block opens with an empty one.
            case TOOL_ARGUMENTS -> Message.ContentBlock.toolUse(state.toolUseId,
                    state.toolCall == null ? "" : state.toolCall.name(), AnthropicJson.tree("{}"));
        };
    }

    /** Closes the open block; a thinking block gets its signature first. */
    private static List<Event> close(State state) {
        if (state.open == null) {
            return List.of();
        }
        List<Event> events = new ArrayList<>();
        if (state.open == TokenKind.REASONING) {
            events.add(new ContentBlockDelta("content_block_delta", state.index,
                    new Delta("signature_delta", null, null, Message.SIGNATURE, null)));
        }
        events.add(new ContentBlockStop("content_block_stop", state.index));
        state.open = null;
        return events;
    }
}
