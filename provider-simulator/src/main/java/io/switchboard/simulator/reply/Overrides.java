package io.switchboard.simulator.reply;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Per-request steering of the simulator, sent by a test inside the request itself so that it reaches the simulator
 * through the whole gateway. A null field keeps the configured default.
 *
 * @param timeToFirstToken delay before the first chunk
 * @param tokensPerSecond rate of the reply tokens
 * @param replyTokens length of a generated (vocabulary) reply
 * @param reasoningTokens length of the reasoning, when the request asks for reasoning
 */
public record Overrides(@Nullable Duration timeToFirstToken, @Nullable Double tokensPerSecond,
        @Nullable Integer replyTokens, @Nullable Integer reasoningTokens) {

    public static final Overrides NONE = new Overrides(null, null, null, null);

    public Overrides(@Nullable Duration timeToFirstToken, @Nullable Double tokensPerSecond,
            @Nullable Integer replyTokens) {
        this(timeToFirstToken, tokensPerSecond, replyTokens, null);
    }
}
