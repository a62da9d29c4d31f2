package io.switchboard.billing.credits;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.billing.BillingIT;
import io.switchboard.billing.TestEvents;
import io.switchboard.billing.TestKafka;
import io.switchboard.ledger.Reservation;
import io.switchboard.ledger.TenantBalance;
import io.switchboard.testsupport.contract.OpenRouterContract;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

class CreditsApiIT extends BillingIT {

    private final String tenant = TestEvents.newTenant();

    @Test
    void shouldServeTheTenantsCreditsAndUsageInTheContractsShape() {
        topUp("invoice-1", "25.50").expectStatus().isOk();
        TestEvents.Generation generation = TestEvents.generation(tenant).tokens(1_000, 500);
        TestKafka.publish(generation.event());
        awaitConsumed();

        String body = body(get("/api/v1/credits", manager(tenant)).expectStatus().isOk());

        OpenRouterContract.assertConformsToResponse("/credits", "get", 200, body);
        get("/api/v1/credits", manager(tenant)).expectBody()
                .jsonPath("$.data.total_credits")
                .isEqualTo(25.5)
                .jsonPath("$.data.total_usage")
                .isEqualTo(0.00045);
    }

    @Test
    void shouldRefuseCreditsToAnInferenceKey() {
        String body = body(get("/api/v1/credits", user(tenant)).expectStatus().isForbidden());

        OpenRouterContract.assertConforms("ForbiddenResponse", body);
    }

    @Test
    void shouldApplyATopUpAndReportTheNewBalance() {
        topUp("invoice-1", "10").expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data.status")
                .isEqualTo("applied")
                .jsonPath("$.data.total_credits")
                .isEqualTo(10);

        StepVerifier.create(ledger.balance(tenant))
                .expectNext(new TenantBalance(10_000_000_000L, 0, 0))
                .verifyComplete();
    }

    @Test
    void shouldApplyATopUpOncePerId() {
        topUp("invoice-1", "10").expectStatus().isOk();
        topUp("invoice-1", "10").expectStatus().isOk().expectBody().jsonPath("$.data.status").isEqualTo("applied");
        topUp("invoice-2", "0.000000001").expectStatus().isOk();
        awaitConsumed();

        StepVerifier.create(ledger.balance(tenant).map(TenantBalance::credits))
                .expectNext(10_000_000_001L)
                .verifyComplete();
    }

    @Test
    void shouldRefuseATopUpIdReusedWithAnotherAmount() {
        topUp("invoice-1", "10").expectStatus().isOk();

        topUp("invoice-1", "12").expectStatus().isEqualTo(409).expectBody().jsonPath("$.error.code").isEqualTo(409);
        awaitConsumed();

        StepVerifier.create(ledger.balance(tenant).map(TenantBalance::credits))
                .expectNext(10_000_000_000L)
                .verifyComplete();
    }

    @Test
    void shouldRefuseTopUpsFromAnyoneButAnOperator() {
        String body = "{\"tenant_id\":\"" + tenant + "\",\"id\":\"i-1\",\"amount\":5}";

        post("/api/v1/admin/credits", body, manager(tenant)).expectStatus().isForbidden();
        post("/api/v1/admin/credits", body, user(tenant)).expectStatus().isForbidden();
        get("/api/v1/admin/credits/" + tenant, manager(tenant)).expectStatus().isForbidden();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":\"i-1\",\"amount\":5}", "{\"tenant_id\":\"T\",\"amount\":5}",
            "{\"tenant_id\":\"T\",\"id\":\"i-1\",\"amount\":0}", "{\"tenant_id\":\"T\",\"id\":\"i-1\",\"amount\":-3}",
            "{\"tenant_id\":\"T\",\"id\":\"i-1\",\"amount\":0.0000000001}",
            "{\"tenant_id\":\"T\",\"id\":\"i-1\",\"amount\":2000000}",
            "{\"tenant_id\":\"T\",\"id\":\"i 1\",\"amount\":5}",
            "{\"tenant_id\":\"{T}\",\"id\":\"i-1\",\"amount\":5}", "not json"})
    void shouldRefuseAnInvalidTopUpAndRecordNothing(String body) {
        post("/api/v1/admin/credits", body.replace("\"T\"", "\"" + tenant + "\""), operator()).expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo(400);
        awaitConsumed();

        StepVerifier.create(ledger.balance(tenant)).expectNext(new TenantBalance(0, 0, 0)).verifyComplete();
    }

    @Test
    void shouldShowOperatorsATenantsReservationsAndAvailableCredit() {
        topUp("invoice-1", "1").expectStatus().isOk();
        StepVerifier.create(ledger.reserve(new Reservation(tenant, "key-a", "req-" + UUID.randomUUID(), 250_000_000L,
                null, Instant.now(), Duration.ofMinutes(5)))).expectNextCount(1).verifyComplete();

        get("/api/v1/admin/credits/" + tenant, operator()).expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data.total_credits")
                .isEqualTo(1)
                .jsonPath("$.data.reserved")
                .isEqualTo(0.25)
                .jsonPath("$.data.available")
                .isEqualTo(0.75);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec topUp(String id, String amount) {
        return post("/api/v1/admin/credits",
                "{\"tenant_id\":\"" + tenant + "\",\"id\":\"" + id + "\",\"amount\":\"" + amount
                        + "\",\"description\":\"test\"}",
                operator());
    }

    private static String body(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
        byte[] bytes = response.expectBody().returnResult().getResponseBodyContent();
        assertThat(bytes).isNotNull();
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
