package io.switchboard.routing.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterCooldownsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final RetryAfterCooldowns cooldowns = new RetryAfterCooldowns(new ResilienceProperties(
            new ResilienceProperties.Breaker(50, 100, Duration.ofSeconds(30), SlidingWindowType.TIME_BASED, 30, 5, 3,
                    Duration.ofSeconds(30)),
            new ResilienceProperties.Timeouts(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMinutes(10)),
            Duration.ofMinutes(5)));

    @Test
    void shouldSkipTheEndpointUntilRetryAfterHasPassed() {
        cooldowns.coolDown("e", Duration.ofSeconds(20), NOW);

        assertThat(cooldowns.coolingUntil("e", NOW.plusSeconds(19))).contains(NOW.plusSeconds(20));
        assertThat(cooldowns.coolingUntil("e", NOW.plusSeconds(20))).isEmpty();
        assertThat(cooldowns.coolingUntil("other", NOW)).isEmpty();
    }

    @Test
    void shouldCapAVeryLongRetryAfter() {
        cooldowns.coolDown("e", Duration.ofDays(2), NOW);

        assertThat(cooldowns.coolingUntil("e", NOW)).contains(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void shouldKeepTheLaterOfTwoPauses() {
        cooldowns.coolDown("e", Duration.ofSeconds(60), NOW);
        cooldowns.coolDown("e", Duration.ofSeconds(10), NOW.plusSeconds(1));

        assertThat(cooldowns.coolingUntil("e", NOW.plusSeconds(30))).contains(NOW.plusSeconds(60));
    }
}
