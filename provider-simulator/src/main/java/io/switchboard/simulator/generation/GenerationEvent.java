package io.switchboard.simulator.generation;

import io.switchboard.simulator.reply.FinishReason;
import io.switchboard.simulator.reply.TokenKind;
import io.switchboard.simulator.reply.TokenUsage;

/** What happens during a streamed generation, in order: {@link Started}, {@link Token}s, {@link Finished}. */
public sealed interface GenerationEvent {

    /** The time to first token has passed; a format announces the reply (OpenAI: the role chunk). */
    record Started() implements GenerationEvent {
    }

    /**
     * One reply token, with its leading whitespace.
     *
     * @param kind reasoning, answer text or a fragment of a tool call's arguments
     */
    record Token(String text, TokenKind kind) implements GenerationEvent {

        /** A token of the answer's text. */
        public Token(String text) {
            this(text, TokenKind.CONTENT);
        }
    }

    /** The last token was sent. */
    record Finished(FinishReason finishReason, TokenUsage usage) implements GenerationEvent {
    }
}
