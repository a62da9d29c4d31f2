package io.switchboard.gateway;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import io.switchboard.ledger.CreditLedger;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Infrastructure the gateway's features share. */
@Configuration(proxyBeanMethods = false)
public class GatewayConfiguration {

    /** The gateway only reserves and releases; how long settled markers live is billing's concern. */
    private static final Duration UNUSED_SETTLED_MARKER_TTL = Duration.ofDays(35);

    @Bean
    CreditLedger creditLedger(ReactiveStringRedisTemplate redis) {
        return new CreditLedger(redis, UNUSED_SETTLED_MARKER_TTL);
    }

    /**
     * While Redis is unreachable, commands fail at once instead of queueing until their timeout, so requests get
     * their documented answer (cached keys work, unknown keys 503, rate limits fail open, the credit gate 503)
     * without waiting. The client reconnects by itself when Redis is back.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
        return options -> options.autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    /**
     * After an outage the client tries to reconnect at most every 2 s (Lettuce's default backs off to 30 s), so the
     * gateway recovers within moments of Redis coming back.
     */
    @Bean
    ClientResourcesBuilderCustomizer quickReconnects() {
        return resources -> resources.reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2),
                2, TimeUnit.MILLISECONDS));
    }

    /**
     * No request is ever sent upstream twice: Reactor Netty would otherwise resend a request once when a pooled
     * connection turns out to be closed, and a resent POST could start a second generation.
     */
    @Bean
    HttpClientCustomizer noRetries() {
        return client -> client.disableRetry(true);
    }
}
