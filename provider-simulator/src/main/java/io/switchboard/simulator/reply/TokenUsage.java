package io.switchboard.simulator.reply;

/**
 * Token counts of one reply.
 *
 * @param promptTokens tokens of the prompt, see {@link TokenCounter#promptTokens}
 * @param completionTokens reply tokens emitted (one per word, see {@link ReplyText}), reasoning and tool-call fragments
 *        included
 * @param reasoningTokens the reasoning part of {@code completionTokens}
 */
public record TokenUsage(int promptTokens, int completionTokens, int reasoningTokens) {

    public TokenUsage(int promptTokens, int completionTokens) {
        this(promptTokens, completionTokens, 0);
    }

    public int totalTokens() {
        return promptTokens + completionTokens;
    }
}
