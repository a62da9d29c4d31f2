package io.switchboard.simulator.reply;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.switchboard.simulator.fault.FaultSpec;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The {@code "simulator"} object a request may carry in any wire format, an extension real providers do not have:
 * {@code {"time_to_first_token_ms": 10, "tokens_per_second": 200, "reply_tokens": 20, "reasoning_tokens": 4}}, and
 * {@code "fault": {...}} ({@link FaultSpec}) to make this one request fail.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SimulatorOptions(@Nullable Long timeToFirstTokenMs, @Nullable Double tokensPerSecond,
        @Nullable Integer replyTokens, @Nullable Integer reasoningTokens, @Nullable FaultSpec fault) {

    /** A bound on generated replies: each token is held in memory for the whole response. */
    public static final int MAX_REPLY_TOKENS = 100_000;

    /** A value out of range, named by its path in the request ({@code simulator.reply_tokens}). */
    public static final class InvalidOption extends IllegalArgumentException {

        private final String field;

        InvalidOption(String field, String rule, Object value) {
            super("Invalid '" + field + "': " + rule + ", got " + value + ".");
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The overrides these options stand for; a null options object overrides nothing. */
    public static Overrides toOverrides(@Nullable SimulatorOptions options) {
        if (options == null) {
            return Overrides.NONE;
        }
        Long ttft = options.timeToFirstTokenMs();
        if (ttft != null && ttft < 0) {
            throw new InvalidOption("simulator.time_to_first_token_ms", "must not be negative", ttft);
        }
        Double rate = options.tokensPerSecond();
        if (rate != null && (!(rate > 0) || rate.isInfinite())) {
            throw new InvalidOption("simulator.tokens_per_second", "must be a positive number", rate);
        }
        Integer replyTokens = options.replyTokens();
        if (replyTokens != null && (replyTokens < 0 || replyTokens > MAX_REPLY_TOKENS)) {
            throw new InvalidOption("simulator.reply_tokens", "must be between 0 and " + MAX_REPLY_TOKENS,
                    replyTokens);
        }
        Integer reasoningTokens = options.reasoningTokens();
        if (reasoningTokens != null && (reasoningTokens < 0 || reasoningTokens > MAX_REPLY_TOKENS)) {
            throw new InvalidOption("simulator.reasoning_tokens", "must be between 0 and " + MAX_REPLY_TOKENS,
                    reasoningTokens);
        }
        return new Overrides(ttft == null ? null : Duration.ofMillis(ttft), rate, replyTokens, reasoningTokens);
    }
}
