package io.switchboard.simulator.generation;

import io.switchboard.simulator.reply.FinishReason;
import io.switchboard.simulator.reply.TokenUsage;

/** What happens during a streamed generation, in order: {@link Started}, {@link Token}s, {@link Finished}. */
public sealed interface GenerationEvent {

    /** The time to first token has passed; a format announces the reply (OpenAI: the role chunk). */
    record Started() implements GenerationEvent {
    }

    /** One reply token, with its leading whitespace. */
    record Token(String text) implements GenerationEvent {
    }

    /** The last token was sent. */
    record Finished(FinishReason finishReason, TokenUsage usage) implements GenerationEvent {
    }
}
