package io.switchboard.routing.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.switchboard.routing.provider.ProviderException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class FirstByteGuardTest {

    private final CircuitBreaker breaker = CircuitBreaker.of("endpoint", CircuitBreakerConfig.custom()
            .slidingWindow(10, 1, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slowCallDurationThreshold(Duration.ofMinutes(1))
            .permittedNumberOfCallsInHalfOpenState(1)
            .recordException(ProviderFaults::isProviderFault)
            .build());

    @Test
    void shouldRecordASuccessOnTheFirstElementAndPassTheWholeStreamOn() {
        StepVerifier.create(FirstByteGuard.guard(Flux.just("a", "b", "c"), breaker))
                .expectNext("a", "b", "c")
                .verifyComplete();

        assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isOne();
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void shouldRecordAFailureBeforeTheFirstElement() {
        ProviderException unavailable = ProviderException.ofStatus(503, "down", null);

        StepVerifier.create(FirstByteGuard.guard(Flux.<String>error(unavailable), breaker))
                .verifyErrorSatisfies(failure -> assertThat(failure).isSameAs(unavailable));

        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isOne();
    }

    @Test
    void shouldNotJudgeTheEndpointByAFailureAfterTheFirstElement() {
        Flux<String> breaksMidway = Flux.just("a").concatWith(Flux.error(ProviderException.ofStatus(502, "cut", null)));

        StepVerifier.create(FirstByteGuard.guard(breaksMidway, breaker)).expectNext("a").verifyError();

        assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isOne();
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void shouldCountAnEmptyStreamAsAFailure() {
        StepVerifier.create(FirstByteGuard.guard(Flux.<String>empty(), breaker)).verifyComplete();

        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isOne();
    }

    @Test
    void shouldNeverSubscribeToTheProviderWhenTheBreakerIsOpen() {
        breaker.transitionToOpenState();
        AtomicInteger calls = new AtomicInteger();
        Flux<String> provider = Flux.defer(() -> {
            calls.incrementAndGet();
            return Flux.just("a");
        });

        StepVerifier.create(FirstByteGuard.guard(provider, breaker)).verifyError(CallNotPermittedException.class);

        assertThat(calls).hasValue(0);
    }

    @Test
    void shouldReleaseThePermissionWithoutAResultWhenCancelledBeforeTheFirstElement() {
        breaker.transitionToOpenState();
        breaker.transitionToHalfOpenState();
        int permitted = breaker.getMetrics().getNumberOfBufferedCalls();
        Sinks.Many<String> silent = Sinks.many().unicast().onBackpressureBuffer();

        StepVerifier.create(FirstByteGuard.guard(silent.asFlux(), breaker)).thenCancel().verify();

        assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isEqualTo(permitted);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        // The released permission lets the next probe through.
        StepVerifier.create(FirstByteGuard.guard(Flux.just("a"), breaker)).expectNext("a").verifyComplete();
    }
}
