package io.switchboard.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway corrects token estimates from {@code switchboard.usage.v1}
 * ({@code switchboard.gateway.token-correction.*}); broker address and security come from {@code spring.kafka.*}.
 *
 * @param enabled whether to consume usage events at all (without it, estimates are never corrected: tokens-per-minute
 *        limits then count estimates, not usage)
 * @param groupId consumer group; every gateway replica shares it, so each event is applied once
 * @param pollTimeout longest wait for new events in one poll
 * @param retryBackoff pause before re-reading a batch whose corrections could not be stored
 */
@ConfigurationProperties("switchboard.gateway.token-correction")
public record TokenCorrectionProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("gateway-service") String groupId, @DefaultValue("500ms") Duration pollTimeout,
        @DefaultValue("1s") Duration retryBackoff) {
}
