package io.switchboard.localstack;

import io.switchboard.ledger.CreditLedger;
import io.switchboard.ledger.Nanodollars;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Gives the local stack's demo tenant credit to spend, through the credit ledger's top-up (idempotent by id, so a
 * restart on the same Redis does not add it twice). A launcher step, not a service: it may wait for Redis.
 */
final class DemoCredit {

    private DemoCredit() {
    }

    static void grant(String redisUrl, String tenant, BigDecimal usd) {
        URI uri = URI.create(redisUrl);
        LettuceConnectionFactory connections = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(uri.getHost(), uri.getPort()));
        connections.afterPropertiesSet();
        connections.start();
        try {
            new CreditLedger(new ReactiveStringRedisTemplate(connections), Duration.ofDays(35))
                    .topUp(tenant, Nanodollars.fromUsd(usd), "local-stack-demo-credit")
                    .block(Duration.ofSeconds(30));
        } finally {
            connections.destroy();
        }
    }
}
