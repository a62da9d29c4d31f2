package io.switchboard.simulator.reply;

/**
 * Token counts of one reply.
 *
 * @param promptTokens tokens of the prompt, see {@link TokenCounter#promptTokens}
 * @param completionTokens reply tokens emitted (one per word, see {@link ReplyText})
 */
public record TokenUsage(int promptTokens, int completionTokens) {

    public int totalTokens() {
        return promptTokens + completionTokens;
    }
}
