package io.switchboard.routing.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.switchboard.routing.provider.ProviderException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class AttemptTimeoutsTest {

    private final AttemptTimeouts timeouts = new AttemptTimeouts(new ResilienceProperties(
            new ResilienceProperties.Breaker(50, 100, Duration.ofSeconds(30), SlidingWindowType.TIME_BASED, 30, 5, 3,
                    Duration.ofSeconds(30)),
            new ResilienceProperties.Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofMinutes(2)),
            Duration.ofMinutes(5)));

    @Test
    void shouldFailAStreamWhoseFirstChunkIsLate() {
        StepVerifier.withVirtualTime(() -> timeouts.onStream(Flux.never()))
                .thenAwait(Duration.ofSeconds(10))
                .verifyErrorSatisfies(failure -> assertThat(failure).isInstanceOf(TimeoutException.class)
                        .hasMessage("No first token within PT10S"));
    }

    @Test
    void shouldFailAStreamThatFallsSilentAfterItStarted() {
        StepVerifier.withVirtualTime(() -> timeouts.onStream(Flux.just("a").concatWith(Flux.never())))
                .expectNext("a")
                .thenAwait(Duration.ofSeconds(5))
                .verifyErrorSatisfies(failure -> assertThat(failure).hasMessage("Stream idle for more than PT5S"));
    }

    @Test
    void shouldLetASlowButSteadyStreamRunPastTheIdleTimeout() {
        StepVerifier.withVirtualTime(() -> timeouts.onStream(Flux.interval(Duration.ofSeconds(4)).take(5)))
                .thenAwait(Duration.ofSeconds(20))
                .expectNextCount(5)
                .verifyComplete();
    }

    @Test
    void shouldEndTheRequestWithATimeoutAfterTheTotalLimit() {
        StepVerifier.withVirtualTime(() -> timeouts.total(Flux.interval(Duration.ofSeconds(1))))
                .thenAwait(Duration.ofMinutes(2))
                .expectNextCount(119)
                .verifyErrorSatisfies(failure -> {
                    assertThat(failure).isInstanceOf(ProviderException.class);
                    assertThat(ProviderFaults.isTimeout(failure)).isTrue();
                    assertThat(((ProviderException) failure).retryable()).isFalse();
                    assertThat(((ProviderException) failure).status()).isEqualTo(408);
                });
    }

    @Test
    void shouldEndANonStreamedRequestWithATimeoutAfterTheTotalLimit() {
        StepVerifier.withVirtualTime(() -> timeouts.total(Mono.never()))
                .thenAwait(Duration.ofMinutes(2))
                .verifyErrorSatisfies(failure -> assertThat(ProviderFaults.isTimeout(failure)).isTrue());
    }
}
