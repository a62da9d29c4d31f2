package io.switchboard.simulator.openai;

import io.switchboard.simulator.generation.GenerationEvent;
import io.switchboard.simulator.reply.FinishReason;
import io.switchboard.simulator.reply.TokenUsage;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Translates generation events to OpenAI stream chunks: a pure step with the per-response constants passed in, so it
 * is tested without a server or a clock.
 */
final class OpenAiStream {

    static final String SYSTEM_FINGERPRINT = "fp_simulator";

    /**
     * What every chunk of one response shares.
     *
     * @param id {@code chatcmpl-...}, the same on every chunk
     * @param created unix seconds, the same on every chunk
     * @param model the model the client asked for
     * @param includeUsage whether {@code stream_options.include_usage} was true
     */
    record State(String id, long created, String model, boolean includeUsage) {
    }

    private OpenAiStream() {
    }

    static List<ChatCompletionChunk> translate(GenerationEvent event, State state) {
        return switch (event) {
            case GenerationEvent.Started started -> List.of(chunk(state, new ChatCompletionChunk.Delta("assistant", ""),
                    null));
            case GenerationEvent.Token token -> List.of(chunk(state, new ChatCompletionChunk.Delta(null, token.text()),
                    null));
            case GenerationEvent.Finished finished -> {
                ChatCompletionChunk last = chunk(state, ChatCompletionChunk.Delta.EMPTY,
                        finishReason(finished.finishReason()));
                yield state.includeUsage() ? List.of(last, usageChunk(state, finished.usage())) : List.of(last);
            }
        };
    }

    static String finishReason(FinishReason reason) {
        return switch (reason) {
            case STOP -> "stop";
            case LENGTH -> "length";
        };
    }

    static ChatCompletion.Usage usage(TokenUsage usage) {
        return new ChatCompletion.Usage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens());
    }

    private static ChatCompletionChunk chunk(State state, ChatCompletionChunk.Delta delta,
            @Nullable String finishReason) {
        return new ChatCompletionChunk(state.id(), ChatCompletionChunk.OBJECT, state.created(), state.model(),
                SYSTEM_FINGERPRINT, List.of(new ChatCompletionChunk.Choice(0, delta, null, finishReason)),
                state.includeUsage() ? Optional.empty() : null);
    }

    private static ChatCompletionChunk usageChunk(State state, TokenUsage usage) {
        return new ChatCompletionChunk(state.id(), ChatCompletionChunk.OBJECT, state.created(), state.model(),
                SYSTEM_FINGERPRINT, List.of(), Optional.of(usage(usage)));
    }
}
