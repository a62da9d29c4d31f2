package io.switchboard.simulator.reply;

import org.jspecify.annotations.Nullable;

/**
 * The configured behaviour a request gets unless it overrides it.
 *
 * @param timing playback speed
 * @param replyTokens length of a generated reply, in words
 * @param replyText a fixed reply for every request that is not an {@code echo:}, null to generate one
 */
public record ReplyDefaults(Timing timing, int replyTokens, @Nullable String replyText) {

    public ReplyDefaults {
        if (replyTokens < 0) {
            throw new IllegalArgumentException("replyTokens must not be negative, was " + replyTokens);
        }
    }
}
