package io.switchboard.gateway.credit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The credit gate ({@code switchboard.gateway.credit.*}).
 *
 * @param reservationTtl how long a request's reservation holds if it is neither settled by billing nor released by
 *        the gateway (a lost release); longer than any request may run, since an expired reservation no longer
 *        protects against concurrent overspending
 * @param promptOverheadTokens tokens added to every prompt bound for what providers add around the request (chat
 *        templates, tool-use system prompts)
 * @param tokensPerImage prompt tokens counted per image part (providers turn one image into up to a few thousand)
 */
@ConfigurationProperties("switchboard.gateway.credit")
public record CreditProperties(@DefaultValue("1h") Duration reservationTtl,
        @DefaultValue("1000") long promptOverheadTokens, @DefaultValue("8192") long tokensPerImage) {
}
