package io.switchboard.billing.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.billing.BillingIT;
import io.switchboard.billing.TestEvents;
import io.switchboard.billing.TestKafka;
import io.switchboard.testsupport.contract.OpenRouterContract;
import io.switchboard.usage.Outcome;
import io.switchboard.usage.UsageEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GenerationApiIT extends BillingIT {

    private final String tenant = TestEvents.newTenant();

    @Test
    void shouldServeAConsumedGenerationToItsTenantOnly() {
        TestEvents.Generation generation = TestEvents.generation(tenant);
        TestKafka.publish(generation.event());
        awaitConsumed();

        String body = body(get("/api/v1/generation?id=" + generation.id(), user(tenant)).expectStatus().isOk());

        OpenRouterContract.assertConforms("GenerationResponse", body);
        assertThat(body).contains("\"id\":\"" + generation.id() + "\"");
        get("/api/v1/generation?id=" + generation.id(), user(TestEvents.newTenant())).expectStatus().isNotFound();
    }

    @Test
    void shouldKeepTheFirstRecordWhenAnEventIdArrivesAgain() {
        TestEvents.Generation generation = TestEvents.generation(tenant);
        TestKafka.publish(generation.event());
        TestKafka.publish(generation.outcome(Outcome.CANCELLED).event());
        awaitConsumed();

        get("/api/v1/generation?id=" + generation.id(), user(tenant)).expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data.cancelled")
                .isEqualTo(false);
    }

    @Test
    void shouldSkipAMalformedRecordAndApplyTheNextOne() {
        TestKafka.publishRaw(UsageEvents.TOPIC, tenant, "{not a usage event".getBytes(StandardCharsets.UTF_8));
        TestEvents.Generation generation = TestEvents.generation(tenant);
        TestKafka.publish(generation.event());
        awaitConsumed();

        get("/api/v1/generation?id=" + generation.id(), user(tenant)).expectStatus().isOk();
    }

    @Test
    void shouldNotKeepARecordPastItsRetention() {
        TestEvents.Generation old = TestEvents.generation(tenant).at(Instant.now().minus(Duration.ofDays(31)));
        TestKafka.publish(old.event());
        awaitConsumed();

        get("/api/v1/generation?id=" + old.id(), user(tenant)).expectStatus().isNotFound();
    }

    @Test
    void shouldRequireAnIdAndAnIdentityProof() {
        get("/api/v1/generation?id=", user(tenant)).expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo(400);
        web.get()
                .uri("/api/v1/generation?id=gen-1")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo(401);
    }

    private static String body(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
        byte[] bytes = response.expectBody().returnResult().getResponseBodyContent();
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
