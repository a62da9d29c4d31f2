package io.switchboard.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.GatewayServiceApplication;
import io.switchboard.gateway.auth.ApiKeyRecord;
import io.switchboard.gateway.credit.ChatCost;
import io.switchboard.gateway.credit.CostEstimator;
import io.switchboard.gateway.support.Calls;
import io.switchboard.gateway.support.GatewayTest;
import io.switchboard.gateway.support.KeyRecords;
import io.switchboard.gateway.support.OwnNettyResources;
import io.switchboard.gateway.support.TestCatalog;
import io.switchboard.kit.identity.Role;
import io.switchboard.testsupport.infra.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two gateway replicas (this test's context and a second one started beside it) sharing one Redis: limits hold
 * across them exactly, however the requests are spread.
 */
class TwoReplicaRateLimitIT extends GatewayTest {

    private static ConfigurableApplicationContext second;

    @LocalServerPort
    int port;

    @Autowired
    CostEstimator estimator;

    @BeforeAll
    static void startSecondReplica() {
        second = new SpringApplicationBuilder(GatewayServiceApplication.class, GatewayTest.TestClock.class,
                OwnNettyResources.class).run(
                        "--server.port=0", "--management.server.port=0",
                        "--spring.data.redis.url=" + TestInfrastructure.redis().url(),
                        "--switchboard.internal.secret=" + SECRET, "--SWITCHBOARD_ROUTING_URL=" + UPSTREAM.url(),
                        "--SWITCHBOARD_CATALOG_URL=" + UPSTREAM.url(), "--SWITCHBOARD_BILLING_URL=" + UPSTREAM.url(),
                        "--switchboard.gateway.token-correction.enabled=false");
        second.getBean(io.switchboard.catalog.client.CatalogHolder.class).replace(TestCatalog.SNAPSHOT);
    }

    @AfterAll
    static void stopSecondReplica() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void shouldAdmitExactlyTheLimitOfConcurrentRequestsSpreadOverTwoReplicas() {
        String key = newKey(newTenantId(), Role.USER, KeyRecords.rateLimits(10, null));

        StepVerifier.create(Calls.concurrentGets(replicas(), key, "/api/v1/models", 40))
                .assertNext(statuses -> {
                    assertThat(statuses.stream().filter(status -> status == 200)).hasSize(10);
                    assertThat(statuses.stream().filter(status -> status == 429)).hasSize(30);
                })
                .expectComplete()
                .verify(Duration.ofMinutes(2));
    }

    @Test
    void shouldAdmitExactlyTheTokensPerMinuteOfConcurrentChatsSpreadOverTwoReplicas() {
        String tenant = newTenantId();
        String body = chat(TestCatalog.CHEAP, 100);
        String key = newKey(tenant, Role.USER, KeyRecords.rateLimits(null, (int) (4 * estimate(body).tokens())));
        topUp(tenant, 1_000_000_000_000L);

        StepVerifier.create(Calls.concurrentChats(replicas(), key, body, 24, "tpm"))
                .assertNext(statuses -> {
                    assertThat(statuses.stream().filter(status -> status == 200)).hasSize(4);
                    assertThat(statuses.stream().filter(status -> status == 429)).hasSize(20);
                })
                .expectComplete()
                .verify(Duration.ofMinutes(2));
    }

    @Test
    void shouldAdmitExactlyAsManyConcurrentChatsAsTheCreditCoversAcrossReplicas() {
        String tenant = newTenantId();
        String key = newKey(tenant, Role.USER, KeyRecords.rateLimits(1_000_000, null));
        String body = chat(TestCatalog.PRICEY, 100);
        long each = estimate(body).maxCost();
        topUp(tenant, 5 * each + each - 1);
        String marker = IDS.next("m-", 12);

        StepVerifier.create(Calls.concurrentChats(replicas(), key, body, 30, marker))
                .assertNext(statuses -> {
                    assertThat(statuses.stream().filter(status -> status == 200)).hasSize(5);
                    assertThat(statuses.stream().filter(status -> status == 402)).hasSize(25);
                })
                .expectComplete()
                .verify(Duration.ofMinutes(2));
        assertThat(UPSTREAM.count("X-Test-Marker", marker)).isEqualTo(5);
    }

    private ChatCost estimate(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ApiKeyRecord any = ApiKeyRecord.of("h", "t", Role.USER, "k", "k", START);
        return estimator.estimate(JsonMapper.builder().build().readTree(bytes), bytes.length, TestCatalog.SNAPSHOT,
                any);
    }

    private List<String> replicas() {
        return List.of(base(port), base(((WebServerApplicationContext) second).getWebServer().getPort()));
    }

    private static String base(int port) {
        return "http://127.0.0.1:" + port;
    }
}
