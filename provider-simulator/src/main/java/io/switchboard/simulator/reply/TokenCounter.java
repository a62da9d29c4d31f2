package io.switchboard.simulator.reply;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;

/**
 * Counts prompt tokens roughly as OpenAI bills them: cl100k_base tokens of every text part plus a fixed overhead per
 * message for the role and separators (OpenAI cookbook, "How to count tokens with tiktoken"). Exact agreement with a
 * given model is not the point; a stable, plausible count that grows with the prompt is.
 */
public final class TokenCounter {

    private static final int TOKENS_PER_MESSAGE = 3;

    private final Encoding encoding;

    private TokenCounter(Encoding encoding) {
        this.encoding = encoding;
    }

    /**
     * Loads the cl100k_base ranks now, from the jar: it reads a resource, so it must happen at start-up and not on an
     * event-loop thread during the first request.
     */
    public static TokenCounter cl100kBase() {
        return new TokenCounter(Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE));
    }

    /**
     * Tokens of {@code text}. Special-token markers such as {@code <|endoftext|>} count as ordinary text, as they do
     * in a user's message to OpenAI.
     */
    public int count(String text) {
        return encoding.countTokensOrdinary(text);
    }

    public int promptTokens(List<PromptMessage> messages) {
        int tokens = 0;
        for (PromptMessage message : messages) {
            tokens += TOKENS_PER_MESSAGE;
            for (String text : message.texts()) {
                tokens += count(text);
            }
        }
        return tokens;
    }
}
