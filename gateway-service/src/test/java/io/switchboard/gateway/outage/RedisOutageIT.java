package io.switchboard.gateway.outage;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.auth.ApiKeys;
import io.switchboard.gateway.support.GatewayTest;
import io.switchboard.gateway.support.KeyRecords;
import io.switchboard.gateway.support.TestCatalog;
import io.switchboard.kit.identity.Role;
import io.switchboard.testsupport.contract.OpenRouterContract;
import io.switchboard.testsupport.infra.TestInfrastructure;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Redis goes away (the shared test Redis, stopped and started on the same address; it comes back empty). Keys still
 * in the in-memory cache keep working until it expires; anything that needs Redis to be decided safely fails closed
 * with 503: unknown keys, and the credit gate. Rate limits fail open (they protect fairness; the credit gate still
 * protects money). Runs after every other test class of this JVM ({@link ClassOrderer.OrderAnnotation}), since the
 * restarted Redis has lost what they created.
 */
@Order(Integer.MAX_VALUE)
class RedisOutageIT extends GatewayTest {

    @AfterEach
    void redisBack() {
        TestInfrastructure.redis().start();
        // The client reconnects by itself; wait until a fresh key works again.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            String key = newKey(Role.USER);
            web.get()
                    .uri("/api/v1/key")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                    .exchange()
                    .expectStatus()
                    .isOk();
        });
    }

    @Test
    void shouldServeACachedKeyUntilItsEntryExpiresThenFailClosed() {
        String key = newKey(newTenantId(), Role.USER, KeyRecords.rateLimits(2, null));
        get(key, "/api/v1/models", 200);

        TestInfrastructure.redis().stop();

        // Rate limits fail open: more than the key's 2 requests a minute pass while Redis is away.
        for (int i = 0; i < 3; i++) {
            get(key, "/api/v1/models", 200);
        }
        clock.advance(Duration.ofSeconds(11));
        EntityExchangeResult<String> expired = get(key, "/api/v1/models", 503);
        OpenRouterContract.assertConforms("ServiceUnavailableResponse", expired.getResponseBody());
        assertThat(expired.getResponseBody()).contains("API keys cannot be checked");
    }

    @Test
    void shouldRefuseAnUncachedKeyWith503WhileRedisIsAway() {
        String key = newKey(Role.USER);

        TestInfrastructure.redis().stop();

        EntityExchangeResult<String> refused = get(key, "/api/v1/models", 503);
        OpenRouterContract.assertConforms("ServiceUnavailableResponse", refused.getResponseBody());
        EntityExchangeResult<String> unknown = get(ApiKeys.generate(IDS), "/api/v1/models", 503);
        OpenRouterContract.assertConforms("ServiceUnavailableResponse", unknown.getResponseBody());
    }

    @Test
    void shouldRefuseChatWith503BeforeAnyProviderIsCalledWhileRedisIsAway() {
        String tenant = newTenantId();
        String key = newKey(tenant, Role.USER, k -> k);
        topUp(tenant, 1_000_000_000L);
        get(key, "/api/v1/key", 200);
        String marker = IDS.next("m-", 12);

        TestInfrastructure.redis().stop();

        String body = web.post()
                .uri("/api/v1/chat/completions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .header("X-Test-Marker", marker)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(chat(TestCatalog.CHEAP, 10))
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        OpenRouterContract.assertConforms("ServiceUnavailableResponse", body);
        assertThat(body).contains("Credit cannot be checked");
        assertThat(UPSTREAM.count("X-Test-Marker", marker)).isZero();
    }

    private EntityExchangeResult<String> get(String key, String path, int status) {
        return web.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(String.class)
                .returnResult();
    }
}
