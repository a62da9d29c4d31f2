package io.switchboard.routing.provider.anthropic;

import io.switchboard.routing.chat.ChatChunk;
import io.switchboard.routing.provider.Chunks;
import io.switchboard.routing.provider.ReasoningDetails;
import io.switchboard.routing.usage.TokenEstimator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Translates a Messages event stream into OpenAI chunks, one event at a time. The role chunk waits for the first
 * content block rather than {@code message_start}, so an {@code error} event that arrives before any content fails the
 * call while another endpoint can still be tried. Text, thinking and tool-input deltas become content, reasoning and
 * tool-call argument deltas; {@code message_delta} brings the finish reason and {@code message_stop} the usage chunk.
 */
final class AnthropicStream {

    /** Per-request state; created for each call, never shared. */
    static final class State {

        private final long created;
        private final boolean excludeReasoning;
        private final TokenEstimator estimator;
        private final Map<Integer, Integer> toolCallOfBlock = new HashMap<>();
        private final Map<Integer, Integer> reasoningOfBlock = new HashMap<>();
        private final StringBuilder thinking = new StringBuilder();
        private @Nullable Chunks chunks;
        private MessagesResponse.@Nullable Usage usage;
        private boolean roleSent;
        private boolean stopped;

        State(long created, boolean excludeReasoning, TokenEstimator estimator) {
            this.created = created;
            this.excludeReasoning = excludeReasoning;
            this.estimator = estimator;
        }

        /** Whether {@code message_stop} arrived: a stream that ends without it was cut. */
        boolean stopped() {
            return stopped;
        }
    }

    private AnthropicStream() {
    }

    static List<ChatChunk> translate(AnthropicEvent event, State state) {
        return switch (event) {
            case AnthropicEvent.MessageStart(MessagesResponse message) -> {
                state.chunks = new Chunks(Objects.requireNonNullElse(message.id(), ""),
                        Objects.requireNonNullElse(message.model(), ""), state.created);
                state.usage = message.usage();
                yield List.of();
            }
            case AnthropicEvent.ContentBlockStart(int index, MessagesResponse.ContentBlock block) -> blockStart(index,
                    block, state);
            case AnthropicEvent.ContentBlockDelta(int index, AnthropicEvent.Delta delta) -> delta(index, delta,
                    state);
            case AnthropicEvent.MessageDelta(AnthropicEvent.StopDelta delta, MessagesResponse.Usage usage) -> {
                state.usage = merge(state.usage, usage);
                List<ChatChunk> chunks = role(state);
                if (delta.stopReason() != null) {
                    chunks.add(chunks(state).finish(AnthropicResponses.finishReason(delta.stopReason()),
                            delta.stopReason()));
                }
                yield chunks;
            }
            case AnthropicEvent.MessageStop stop -> {
                state.stopped = true;
                var usage = AnthropicResponses.usage(state.usage, state.thinking.toString(), state.estimator);
                yield usage == null ? List.of() : List.of(chunks(state).usage(usage));
            }
            case AnthropicEvent.Error(AnthropicEvent.ErrorDetail error) -> throw AnthropicResponses.error(error.type(),
                    error.message());
            case AnthropicEvent.ContentBlockStop stop -> List.of();
            case AnthropicEvent.Ping ping -> List.of();
            case AnthropicEvent.Unknown unknown -> List.of();
        };
    }

    private static List<ChatChunk> blockStart(int index, MessagesResponse.ContentBlock block, State state) {
        List<ChatChunk> chunks = role(state);
        switch (Objects.requireNonNullElse(block.type(), "")) {
            case "text" -> {
                if (block.text() != null && !block.text().isEmpty()) {
                    chunks.add(chunks(state).content(block.text()));
                }
            }
            case "thinking" -> {
                state.reasoningOfBlock.put(index, state.reasoningOfBlock.size());
                chunks.addAll(thinking(index, block.thinking(), null, state));
            }
            case "redacted_thinking" -> {
                int detail = state.reasoningOfBlock.size();
                state.reasoningOfBlock.put(index, detail);
                if (!state.excludeReasoning && block.data() != null) {
                    chunks.add(chunks(state).reasoning(null, ReasoningDetails.encrypted(block.data(), null,
                            ReasoningDetails.ANTHROPIC, detail)));
                }
            }
            case "tool_use" -> {
                int toolCall = state.toolCallOfBlock.size();
                state.toolCallOfBlock.put(index, toolCall);
                // The input arrives as input_json_delta fragments; the block's own input is an empty placeholder.
                chunks.add(chunks(state).toolCallStart(toolCall, Objects.requireNonNullElse(block.id(), ""),
                        Objects.requireNonNullElse(block.name(), ""), ""));
            }
            default -> {
                // server tool blocks have no OpenAI equivalent
            }
        }
        return chunks;
    }

    private static List<ChatChunk> delta(int index, AnthropicEvent.Delta delta, State state) {
        return switch (Objects.requireNonNullElse(delta.type(), "")) {
            case "text_delta" -> delta.text() == null || delta.text().isEmpty()
                    ? List.of()
                    : List.of(chunks(state).content(delta.text()));
            case "thinking_delta" -> thinking(index, delta.thinking(), null, state);
            case "signature_delta" -> thinking(index, null, delta.signature(), state);
            case "input_json_delta" -> {
                Integer toolCall = state.toolCallOfBlock.get(index);
                yield toolCall == null || delta.partialJson() == null || delta.partialJson().isEmpty()
                        ? List.of()
                        : List.of(chunks(state).toolCallArguments(toolCall, delta.partialJson()));
            }
            default -> List.of();
        };
    }

    /**
     * Thinking as OpenRouter streams it: the text in {@code reasoning}, and text and signature as
     * {@code reasoning_details} fragments of the block's index, which the client sends back on its next turn.
     */
    private static List<ChatChunk> thinking(int block, @Nullable String text, @Nullable String signature,
            State state) {
        boolean hasText = text != null && !text.isEmpty();
        if (hasText) {
            state.thinking.append(text);
        }
        if (state.excludeReasoning || !hasText && signature == null) {
            return new ArrayList<>();
        }
        int detail = state.reasoningOfBlock.getOrDefault(block, 0);
        return new ArrayList<>(List.of(chunks(state).reasoning(hasText ? text : null, ReasoningDetails.text(
                hasText ? text : null, signature, ReasoningDetails.ANTHROPIC, detail))));
    }

    /** The role chunk if it has not been sent yet; a mutable list the caller adds to. */
    private static List<ChatChunk> role(State state) {
        List<ChatChunk> chunks = new ArrayList<>();
        if (!state.roleSent) {
            state.roleSent = true;
            chunks.add(chunks(state).role());
        }
        return chunks;
    }

    private static Chunks chunks(State state) {
        if (state.chunks == null) {
            // A stream must open with message_start; a provider that skips it still gets a readable stream.
            state.chunks = new Chunks("", "", state.created);
        }
        return state.chunks;
    }

    /** {@code message_delta} usage is cumulative and may carry only some counts; absent ones keep their value. */
    private static MessagesResponse.@Nullable Usage merge(MessagesResponse.@Nullable Usage start,
            MessagesResponse.@Nullable Usage delta) {
        if (delta == null) {
            return start;
        }
        if (start == null) {
            return delta;
        }
        return new MessagesResponse.Usage(
                delta.inputTokens() != null ? delta.inputTokens() : start.inputTokens(),
                delta.outputTokens() != null ? delta.outputTokens() : start.outputTokens(),
                delta.cacheCreationInputTokens() != null
                        ? delta.cacheCreationInputTokens()
                        : start.cacheCreationInputTokens(),
                delta.cacheReadInputTokens() != null ? delta.cacheReadInputTokens() : start.cacheReadInputTokens());
    }
}
