package io.switchboard.gateway.credit;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.auth.ApiKeyRecord;
import io.switchboard.gateway.auth.ApiKeys;
import io.switchboard.gateway.support.Calls;
import io.switchboard.gateway.support.GatewayTest;
import io.switchboard.gateway.support.KeyRecords;
import io.switchboard.gateway.support.TestCatalog;
import io.switchboard.kit.identity.Role;
import io.switchboard.ledger.KeyLimit;
import io.switchboard.ledger.LimitReset;
import io.switchboard.testsupport.contract.OpenRouterContract;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

class CreditGateIT extends GatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    CostEstimator estimator;

    @LocalServerPort
    int port;

    @Test
    void shouldRefuseWith402BeforeAnyProviderIsCalledWhenTheTenantCannotCoverTheRequest() {
        String tenant = newTenantId();
        String key = newKey(tenant, Role.USER, k -> k);
        topUp(tenant, maxCost(key, chat(TestCatalog.CHEAP, 10)) - 1);
        String marker = IDS.next("m-", 12);

        String body = post(key, chat(TestCatalog.CHEAP, 10), marker, 402);

        OpenRouterContract.assertConforms("PaymentRequiredResponse", body);
        assertThat(body).contains("Insufficient credits");
        assertThat(UPSTREAM.count("X-Test-Marker", marker)).isZero();
    }

    @Test
    void shouldRefuseWith402WhenTheKeysLimitCannotCoverTheRequest() {
        String tenant = newTenantId();
        String key = newKey(tenant, Role.USER, KeyRecords.limit(new KeyLimit(1000, LimitReset.DAILY)));
        topUp(tenant, 1_000_000_000_000L);
        String marker = IDS.next("m-", 12);

        String body = post(key, chat(TestCatalog.CHEAP, 10), marker, 402);

        OpenRouterContract.assertConforms("PaymentRequiredResponse", body);
        assertThat(body).contains("credit limit");
        assertThat(UPSTREAM.count("X-Test-Marker", marker)).isZero();
    }

    @Test
    void shouldAdmitExactlyAsManyConcurrentRequestsAsTheCreditCovers() {
        String tenant = newTenantId();
        String key = newKey(tenant, Role.USER, KeyRecords.rateLimits(1_000_000, null));
        String body = chat(TestCatalog.PRICEY, 100);
        long each = maxCost(key, body);
        int covered = 5;
        topUp(tenant, covered * each + each - 1);
        String marker = IDS.next("m-", 12);

        StepVerifier.create(Calls.concurrentChats(List.of("http://127.0.0.1:" + port), key, body, 40, marker))
                .assertNext(statuses -> {
                    assertThat(statuses.stream().filter(status -> status == 200)).hasSize(covered);
                    assertThat(statuses.stream().filter(status -> status == 402)).hasSize(40 - covered);
                })
                .expectComplete()
                .verify(Duration.ofMinutes(2));
        assertThat(UPSTREAM.count("X-Test-Marker", marker)).isEqualTo(covered);
        StepVerifier.create(ledger.balance(tenant))
                .assertNext(balance -> assertThat(balance.reserved()).isEqualTo(covered * each))
                .verifyComplete();
    }

    @Test
    void shouldReleaseTheReservationWhenRoutingAnswersWithoutAGeneration() {
        String tenant = newTenantId();
        String key = newKey(tenant, Role.USER, k -> k);
        topUp(tenant, 1_000_000_000L);

        web.post()
                .uri("/api/v1/chat/completions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .header("X-Stub-Generation", "none")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(chat(TestCatalog.CHEAP, 10))
                .exchange()
                .expectStatus()
                .isOk();

        StepVerifier.create(ledger.balance(tenant))
                .assertNext(balance -> assertThat(balance.reserved()).isZero())
                .verifyComplete();
    }

    @Test
    void shouldReleaseTheReservationWhenRoutingRefusesTheRequest() {
        String tenant = newTenantId();
        String key = newKey(tenant, Role.USER, k -> k);
        topUp(tenant, 1_000_000_000L);

        web.post()
                .uri("/api/v1/chat/completions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .header("X-Stub-Status", "400")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(chat(TestCatalog.CHEAP, 10))
                .exchange()
                .expectStatus()
                .isBadRequest();

        StepVerifier.create(ledger.balance(tenant))
                .assertNext(balance -> assertThat(balance.reserved()).isZero())
                .verifyComplete();
    }

    @Test
    void shouldKeepTheReservationForBillingWhenAGenerationHappened() {
        String tenant = newTenantId();
        String key = newKey(tenant, Role.USER, k -> k);
        topUp(tenant, 1_000_000_000L);
        String body = chat(TestCatalog.CHEAP, 10);

        String requestId = web.post()
                .uri("/api/v1/chat/completions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .exists("X-Generation-Id")
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst("X-Request-Id");

        StepVerifier.create(ledger.balance(tenant))
                .assertNext(balance -> assertThat(balance.reserved()).isEqualTo(maxCost(key, body)))
                .verifyComplete();
        // Billing settles by the request id routing received.
        assertThat(UPSTREAM.received(r -> requestId.equals(r.headers().get("X-Switchboard-Request-Id"))))
                .hasSize(1);
    }

    @Test
    void shouldRefuseAModelTheKeyMayNotUseWith403() {
        String tenant = newTenantId();
        String key = newKey(tenant, Role.USER, KeyRecords.allowedModels(List.of(TestCatalog.CHEAP)));
        topUp(tenant, 1_000_000_000L);
        String marker = IDS.next("m-", 12);

        String direct = post(key, chat(TestCatalog.PRICEY, 10), marker, 403);
        String fallback = post(key, "{\"model\":\"test/cheap\",\"models\":[\"test/pricey\"],\"messages\":[]}",
                marker, 403);

        OpenRouterContract.assertConforms("ForbiddenResponse", direct);
        OpenRouterContract.assertConforms("ForbiddenResponse", fallback);
        assertThat(UPSTREAM.count("X-Test-Marker", marker)).isZero();
        post(key, chat(TestCatalog.CHEAP, 10), marker, 200);
    }

    @Test
    void shouldRefuseAnUnknownOrDisabledModelWith400() {
        String tenant = newTenantId();
        String key = newKey(tenant, Role.USER, k -> k);
        topUp(tenant, 1_000_000_000L);

        for (String model : List.of("nobody/nothing", TestCatalog.DISABLED)) {
            String body = post(key, chat(model, 10), "unknown-model", 400);
            OpenRouterContract.assertConforms("BadRequestResponse", body);
            assertThat(body).contains("not a valid model ID");
        }
    }

    private long maxCost(String key, String body) {
        ApiKeyRecord record = ApiKeyRecord.of(ApiKeys.hash(key), "any", Role.USER, "k", "k", clock.instant());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return estimator.estimate(JSON.readTree(bytes), bytes.length, TestCatalog.SNAPSHOT, record).maxCost();
    }

    private String post(String key, String body, String marker, int status) {
        return web.post()
                .uri("/api/v1/chat/completions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .header("X-Test-Marker", marker)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
