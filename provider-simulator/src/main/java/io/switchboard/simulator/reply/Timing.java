package io.switchboard.simulator.reply;

import java.time.Duration;

/**
 * How fast a reply is played back: a delay before the first chunk, then one token every {@link #tokenInterval()}.
 *
 * @param timeToFirstToken delay before the first chunk, not negative
 * @param tokensPerSecond token rate, positive and finite
 */
public record Timing(Duration timeToFirstToken, double tokensPerSecond) {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    public Timing {
        if (timeToFirstToken.isNegative()) {
            throw new IllegalArgumentException("timeToFirstToken must not be negative, was " + timeToFirstToken);
        }
        if (!(tokensPerSecond > 0) || Double.isInfinite(tokensPerSecond)) {
            throw new IllegalArgumentException("tokensPerSecond must be positive and finite, was " + tokensPerSecond);
        }
    }

    public Duration tokenInterval() {
        return Duration.ofNanos(Math.round(NANOS_PER_SECOND / tokensPerSecond));
    }

    /** Time from the request to the last of {@code tokens} tokens: what a non-streamed reply waits. */
    public Duration durationOf(int tokens) {
        return timeToFirstToken.plus(tokenInterval().multipliedBy(tokens));
    }
}
