package io.switchboard.simulator.openai;

import io.switchboard.simulator.generation.GenerationEvent;
import io.switchboard.simulator.reply.FinishReason;
import io.switchboard.simulator.reply.TokenUsage;
import io.switchboard.simulator.reply.ToolCallPlan;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Translates generation events to OpenAI stream chunks: a pure step with the per-response state passed in, so it is
 * tested without a server or a clock.
 */
final class OpenAiStream {

    static final String SYSTEM_FINGERPRINT = "fp_simulator";

    /**
     * What every chunk of one response shares, and how far the tool call has got.
     */
    static final class State {

        private final String id;
        private final long created;
        private final String model;
        private final boolean includeUsage;
        private final @Nullable ToolCallPlan toolCall;
        private final String toolCallId;
        private boolean toolCallStarted;

        /**
         * @param id {@code chatcmpl-...}, the same on every chunk
         * @param created unix seconds, the same on every chunk
         * @param model the model the client asked for
         * @param includeUsage whether {@code stream_options.include_usage} was true
         * @param toolCall the tool the reply calls, or null
         * @param toolCallId the call's id, {@code call_...}
         */
        State(String id, long created, String model, boolean includeUsage, @Nullable ToolCallPlan toolCall,
                String toolCallId) {
            this.id = id;
            this.created = created;
            this.model = model;
            this.includeUsage = includeUsage;
            this.toolCall = toolCall;
            this.toolCallId = toolCallId;
        }

        State(String id, long created, String model, boolean includeUsage) {
            this(id, created, model, includeUsage, null, "");
        }

        String id() {
            return id;
        }

        boolean includeUsage() {
            return includeUsage;
        }
    }

    private OpenAiStream() {
    }

    static List<ChatCompletionChunk> translate(GenerationEvent event, State state) {
        return switch (event) {
            case GenerationEvent.Started started -> List.of(chunk(state, new ChatCompletionChunk.Delta("assistant", ""),
                    null));
            case GenerationEvent.Token token -> List.of(chunk(state, delta(token, state), null));
            case GenerationEvent.Finished finished -> {
                ChatCompletionChunk last = chunk(state, ChatCompletionChunk.Delta.EMPTY,
                        finishReason(finished.finishReason()));
                yield state.includeUsage ? List.of(last, usageChunk(state, finished.usage())) : List.of(last);
            }
        };
    }

    /** Reasoning in {@code reasoning_content}, as DeepSeek and vLLM stream it; a tool call indexed, named once. */
    private static ChatCompletionChunk.Delta delta(GenerationEvent.Token token, State state) {
        return switch (token.kind()) {
            case REASONING -> new ChatCompletionChunk.Delta(null, null, token.text(), null);
            case CONTENT -> new ChatCompletionChunk.Delta(null, token.text());
            case TOOL_ARGUMENTS -> {
                boolean first = !state.toolCallStarted;
                state.toolCallStarted = true;
                ChatCompletionChunk.ToolCallDelta call = first && state.toolCall != null
                        ? new ChatCompletionChunk.ToolCallDelta(0, state.toolCallId, "function",
                                new ChatCompletionChunk.FunctionDelta(state.toolCall.name(), token.text()))
                        : new ChatCompletionChunk.ToolCallDelta(0, null, null,
                                new ChatCompletionChunk.FunctionDelta(null, token.text()));
                yield new ChatCompletionChunk.Delta(null, null, null, List.of(call));
            }
        };
    }

    static String finishReason(FinishReason reason) {
        return switch (reason) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case TOOL_CALLS -> "tool_calls";
        };
    }

    static ChatCompletion.Usage usage(TokenUsage usage) {
        return new ChatCompletion.Usage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens(),
                usage.reasoningTokens() > 0
                        ? new ChatCompletion.CompletionTokensDetails(usage.reasoningTokens())
                        : null);
    }

    private static ChatCompletionChunk chunk(State state, ChatCompletionChunk.Delta delta,
            @Nullable String finishReason) {
        return new ChatCompletionChunk(state.id, ChatCompletionChunk.OBJECT, state.created, state.model,
                SYSTEM_FINGERPRINT, List.of(new ChatCompletionChunk.Choice(0, delta, null, finishReason)),
                state.includeUsage ? Optional.empty() : null);
    }

    private static ChatCompletionChunk usageChunk(State state, TokenUsage usage) {
        return new ChatCompletionChunk(state.id, ChatCompletionChunk.OBJECT, state.created, state.model,
                SYSTEM_FINGERPRINT, List.of(), Optional.of(usage(usage)));
    }
}
