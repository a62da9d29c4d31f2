package io.switchboard.routing.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.switchboard.routing.provider.ProviderException;
import io.switchboard.routing.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class EndpointBreakersTest {

    private static final String ENDPOINT = "mistral:mistralai/mistral-small";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<String> transitions = new ArrayList<>();
    private final EndpointBreakers breakers = breakers();

    @Test
    void shouldOpenAfterTheMinimumCallsFailAndDegradeTheEndpointUntilTheWaitIsOver() {
        CircuitBreaker breaker = breakers.of(ENDPOINT);
        for (int i = 0; i < 3; i++) {
            breaker.onError(10, TimeUnit.MILLISECONDS, ProviderException.ofStatus(503, "down", null));
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breakers.isDegraded(ENDPOINT, clock.instant())).isTrue();
        assertThat(breakers.isDegraded(ENDPOINT, clock.instant().plusSeconds(31))).isFalse();
        assertThat(transitions).containsExactly("CLOSED->OPEN");
    }

    @Test
    void shouldHalfOpenOnTheFirstCallAfterTheWaitAndCloseWhenTheProbeSucceeds() {
        CircuitBreaker breaker = breakers.of(ENDPOINT);
        breaker.transitionToOpenState();
        assertThat(breaker.tryAcquirePermission()).isFalse();

        clock.advance(Duration.ofSeconds(31));

        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        breaker.onSuccess(10, TimeUnit.MILLISECONDS);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(transitions).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
    }

    @Test
    void shouldNotCountARefusalOfTheRequestAgainstTheEndpoint() {
        CircuitBreaker breaker = breakers.of(ENDPOINT);
        for (int i = 0; i < 5; i++) {
            breaker.onError(10, TimeUnit.MILLISECONDS, ProviderException.ofStatus(400, "bad request", null));
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void shouldNotDegradeAnEndpointNeverCalled() {
        assertThat(breakers.isDegraded("never:called", clock.instant())).isFalse();
        assertThat(breakers.find("never:called")).isEmpty();
    }

    private EndpointBreakers breakers() {
        ResilienceProperties properties = new ResilienceProperties(
                new ResilienceProperties.Breaker(50, 100, Duration.ofSeconds(30), SlidingWindowType.COUNT_BASED, 10,
                        3, 1, Duration.ofSeconds(30)),
                new ResilienceProperties.Timeouts(Duration.ofSeconds(60), Duration.ofSeconds(60),
                        Duration.ofMinutes(10)),
                Duration.ofMinutes(10));
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("listener", (BreakerStateListener) (endpointId, from, to, at) -> transitions
                .add(from + "->" + to));
        return new EndpointBreakers(CircuitBreakerRegistry.ofDefaults(), properties, clock,
                beans.getBeanProvider(BreakerStateListener.class));
    }
}
