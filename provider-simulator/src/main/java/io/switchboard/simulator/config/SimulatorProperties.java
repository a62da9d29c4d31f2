package io.switchboard.simulator.config;

import io.switchboard.simulator.reply.ReplyDefaults;
import io.switchboard.simulator.reply.Timing;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the simulator answers ({@code simulator.*}). A request may override the timing and length for itself with a
 * {@code "simulator"} object in its body.
 *
 * @param timeToFirstToken delay from the request to the first chunk (to the whole response when not streamed, plus
 *        the token time)
 * @param tokensPerSecond rate at which reply tokens follow the first chunk
 * @param replyTokens length in words of a generated reply
 * @param replyText a fixed reply for every request whose last user message does not start with {@code echo:}; unset
 *        to generate replies from a built-in vocabulary, seeded by the request
 */
@ConfigurationProperties("simulator")
public record SimulatorProperties(@DefaultValue("50ms") Duration timeToFirstToken,
        @DefaultValue("100") double tokensPerSecond, @DefaultValue("24") int replyTokens, @Nullable String replyText) {

    /** The planner's defaults; called once at start-up, so a bad value fails there rather than on a request. */
    public ReplyDefaults toDefaults() {
        return new ReplyDefaults(new Timing(timeToFirstToken, tokensPerSecond), replyTokens, replyText);
    }
}
