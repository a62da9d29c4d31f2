package io.switchboard.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits ({@code switchboard.gateway.rate-limit.*}). A key's own limits (set through the keys API) take
 * precedence over these defaults.
 *
 * @param defaultRequestsPerMinute requests per minute of a key without its own limit; 0 for no limit
 * @param defaultTokensPerMinute tokens per minute of a key without its own limit; 0 for no limit
 * @param defaultCompletionTokens completion tokens a chat request is assumed to use at admission when it sets no
 *        {@code max_tokens}; corrected by its real usage afterwards
 * @param bytesPerToken how many bytes of request body count as one prompt token at admission (a common average for
 *        English text); corrected by the real usage afterwards
 * @param estimateTtl how long a request's token estimate waits for its correction; after that the bucket has long
 *        refilled, so a late correction has nothing to fix
 * @param failOpen what happens when Redis cannot be reached: true admits requests unlimited (rate limits protect
 *        fairness, not money: the credit gate still fails closed); false refuses them with 503
 */
@ConfigurationProperties("switchboard.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("600") int defaultRequestsPerMinute,
        @DefaultValue("0") int defaultTokensPerMinute, @DefaultValue("1024") int defaultCompletionTokens,
        @DefaultValue("4") int bytesPerToken, @DefaultValue("10m") Duration estimateTtl,
        @DefaultValue("true") boolean failOpen) {

    public RateLimitProperties {
        if (defaultRequestsPerMinute < 0 || defaultTokensPerMinute < 0 || defaultCompletionTokens < 0
                || bytesPerToken < 1) {
            throw new IllegalArgumentException("rate limits cannot be negative and bytes-per-token is at least 1");
        }
    }
}
