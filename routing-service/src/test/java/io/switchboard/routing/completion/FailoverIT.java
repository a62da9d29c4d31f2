package io.switchboard.routing.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.switchboard.routing.resilience.EndpointBreakers;
import io.switchboard.testsupport.contract.OpenRouterContract;
import io.switchboard.usage.FailoverAttempt;
import io.switchboard.usage.UsageEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Failover before the first byte, circuit breakers, Retry-After and time-to-first-token timeouts. */
class FailoverIT extends FaultyProvidersTestBase {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    EndpointBreakers breakers;

    @Autowired
    Clock clock;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void shouldAnswerFromTheSecondaryWhenThePrimaryReturns503() {
        SIMULATOR.fault("alpha", "{\"type\":\"http_error\",\"status\":503}");
        try {
            var result = complete(chat("test/failover", false, ""));
            JsonNode body = JSON.readTree(result.getResponseBody());

            OpenRouterContract.assertConforms("ChatResult", body.toString());
            assertThat(body.get("provider").asString()).isEqualTo("Beta");
            assertThat(body.get("model").asString()).isEqualTo("test/failover");
            UsageEvent event = USAGE.await(result.getResponseHeaders().getFirst("X-Generation-Id"));
            assertThat(event.data().provider()).isEqualTo("beta");
            assertThat(event.data().failover()).singleElement().satisfies(attempt -> {
                assertThat(attempt.provider()).isEqualTo("alpha");
                assertThat(attempt.status()).isEqualTo(503);
            });
        } finally {
            SIMULATOR.clearFault("alpha");
        }
    }

    @Test
    void shouldStreamFromTheSecondaryWhenThePrimaryReturns503() {
        SIMULATOR.fault("alpha", "{\"type\":\"http_error\",\"status\":503}");
        try {
            List<String> data = data(events(post(chat("test/failover", true, "")).expectStatus()
                    .isOk()
                    .returnResult(SSE)));

            assertThat(data).last().isEqualTo("[DONE]");
            assertThat(data.subList(0, data.size() - 1)).allSatisfy(
                    chunk -> assertThat(JSON.readTree(chunk).get("provider").asString()).isEqualTo("Beta"));
        } finally {
            SIMULATOR.clearFault("alpha");
        }
    }

    @Test
    void shouldOpenTheBreakerAfterItsThresholdAndCloseItAfterAHalfOpenProbe() {
        String gamma = "gamma:test/breaker";
        List<String> transitions = new CopyOnWriteArrayList<>();
        breakers.of(gamma)
                .getEventPublisher()
                .onStateTransition(event -> transitions.add(
                        event.getStateTransition().getFromState() + "->" + event.getStateTransition().getToState()));
        String gammaFirst = "\"provider\":{\"order\":[\"gamma\",\"delta\"]}";
        SIMULATOR.fault("gamma", "{\"type\":\"http_error\",\"status\":503}");
        for (int i = 0; i < 3; i++) {
            post(chat("test/breaker", false, gammaFirst)).expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.provider")
                    .isEqualTo("Delta");
        }
        assertThat(breakers.of(gamma).getState()).isEqualTo(CircuitBreaker.State.OPEN);

        // Open: gamma is not called at all, even when asked for first.
        var whileOpen = complete(chat("test/breaker", false, gammaFirst));
        assertThat(JSON.readTree(whileOpen.getResponseBody()).get("provider").asString())
                .isEqualTo("Delta");
        assertThat(SIMULATOR.stats("gamma").get("received").asLong()).isEqualTo(3);
        assertThat(USAGE.await(whileOpen.getResponseHeaders().getFirst("X-Generation-Id")).data().failover())
                .singleElement()
                .satisfies(attempt -> assertThat(attempt.error()).contains("Circuit breaker open"));

        SIMULATOR.clearFault("gamma");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !breakers.isDegraded(gamma, clock.instant()));
        post(chat("test/breaker", false, gammaFirst)).expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.provider")
                .isEqualTo("Gamma");

        assertThat(transitions).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> StepVerifier
                        .create(redis.<String, String>opsForHash().get("routing:breaker:" + gamma, "state"))
                        .expectNext("CLOSED")
                        .verifyComplete());
    }

    @Test
    void shouldSkipAnEndpointUntilItsRetryAfterHasPassed() {
        SIMULATOR.fault("iota", "{\"type\":\"http_error\",\"status\":429,\"retry_after_seconds\":120,\"times\":1}");

        post(chat("test/retry-after", false, "")).expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.provider")
                .isEqualTo("Kappa");
        // Even when asked for first, iota is not called again before its Retry-After.
        var second = complete(chat("test/retry-after", false, "\"provider\":{\"order\":[\"iota\"]}"));

        assertThat(JSON.readTree(second.getResponseBody()).get("provider").asString())
                .isEqualTo("Kappa");
        assertThat(SIMULATOR.stats("iota").get("received").asLong()).isEqualTo(1);
        FailoverAttempt skipped = USAGE.await(second.getResponseHeaders().getFirst("X-Generation-Id"))
                .data()
                .failover()
                .getFirst();
        assertThat(skipped.provider()).isEqualTo("iota");
        assertThat(skipped.status()).isEqualTo(429);
        assertThat(skipped.error()).startsWith("Skipped");
    }

    @Test
    void shouldFailOverWhenThePrimaryIsSlowerThanTheTimeToFirstTokenLimit() {
        SIMULATOR.fault("lambda", "{\"type\":\"slow_first_token\",\"delay_ms\":30000,\"times\":1}");

        var result = post(chat("test/first-token", true, "")).expectStatus().isOk().returnResult(SSE);
        List<String> data = data(events(result));

        assertThat(JSON.readTree(data.getFirst()).get("provider").asString()).isEqualTo("Mu");
        assertThat(USAGE.await(result.getResponseHeaders().getFirst("X-Generation-Id")).data().failover())
                .singleElement()
                .satisfies(attempt -> {
                    assertThat(attempt.provider()).isEqualTo("lambda");
                    assertThat(attempt.error()).contains("No first token within");
                });
    }

    @Test
    void shouldAnswer429WithRetryAfterWhenEveryProviderIsRateLimiting() {
        var result = post(chat("test/rate-limited", false,
                "\"simulator\":{\"fault\":{\"type\":\"http_error\",\"status\":429,\"retry_after_seconds\":7}}"))
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "7")
                .expectHeader()
                .doesNotExist("X-Generation-Id")
                .expectBody(String.class)
                .returnResult();

        OpenRouterContract.assertConforms("TooManyRequestsResponse", result.getResponseBody());
    }
}
