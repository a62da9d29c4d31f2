package io.switchboard.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.auth.ApiKeys;
import io.switchboard.gateway.support.GatewayTest;
import io.switchboard.gateway.support.KeyRecords;
import io.switchboard.gateway.support.TestCatalog;
import io.switchboard.kit.identity.Role;
import io.switchboard.testsupport.contract.OpenRouterContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

class RateLimitIT extends GatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    KeyRateLimiter limiter;

    @Test
    void shouldRefuseTheRequestOverTheLimitWith429AndRateLimitHeaders() {
        String key = newKey(newTenantId(), Role.USER, KeyRecords.rateLimits(3, null));

        for (int remaining = 2; remaining >= 0; remaining--) {
            EntityExchangeResult<String> admitted = get(key, "/api/v1/models", 200);
            assertThat(admitted.getResponseHeaders().getFirst("X-RateLimit-Limit")).isEqualTo("3");
            assertThat(admitted.getResponseHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo(
                    Integer.toString(remaining));
        }
        EntityExchangeResult<String> refused = get(key, "/api/v1/models", 429);

        OpenRouterContract.assertConforms("TooManyRequestsResponse", refused.getResponseBody());
        HttpHeaders headers = refused.getResponseHeaders();
        assertThat(headers.getFirst("X-RateLimit-Limit")).isEqualTo("3");
        assertThat(headers.getFirst("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(headers.getFirst("X-RateLimit-Reset"))).isGreaterThan(clock.millis());
        // One request per 20 s comes back: the next one may go in 20 s.
        assertThat(headers.getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("20");
    }

    @Test
    void shouldAdmitAgainOnceTheBucketHasRefilled() {
        String key = newKey(newTenantId(), Role.USER, KeyRecords.rateLimits(3, null));
        for (int i = 0; i < 3; i++) {
            get(key, "/api/v1/models", 200);
        }
        get(key, "/api/v1/models", 429);

        clock.advance(Duration.ofSeconds(20));

        get(key, "/api/v1/models", 200);
        get(key, "/api/v1/models", 429);
    }

    @Test
    void shouldCountTheGatewaysOwnEndpointsAgainstTheLimit() {
        String key = newKey(newTenantId(), Role.USER, KeyRecords.rateLimits(1, null));

        get(key, "/api/v1/key", 200);
        EntityExchangeResult<String> refused = get(key, "/api/v1/key", 429);

        OpenRouterContract.assertConforms("TooManyRequestsResponse", refused.getResponseBody());
    }

    @Test
    void shouldKeepEachKeysLimitToItself() {
        String tenant = newTenantId();
        String first = newKey(tenant, Role.USER, KeyRecords.rateLimits(1, null));
        String second = newKey(tenant, Role.USER, KeyRecords.rateLimits(1, null));

        get(first, "/api/v1/models", 200);
        get(first, "/api/v1/models", 429);
        get(second, "/api/v1/models", 200);
    }

    @Test
    void shouldRefuseAChatRequestWhoseTokenEstimateExceedsWhatIsLeftOfTheMinute() {
        String tenant = newTenantId();
        String key = newKey(tenant, Role.USER, KeyRecords.rateLimits(null, 1000));
        topUp(tenant, 1_000_000_000L);

        chat(key, chat(TestCatalog.CHEAP, 600), true, 200);
        EntityExchangeResult<String> refused = chat(key, chat(TestCatalog.CHEAP, 600), true, 429);

        OpenRouterContract.assertConforms("TooManyRequestsResponse", refused.getResponseBody());
        assertThat(refused.getResponseHeaders().getFirst("X-RateLimit-Limit")).isEqualTo("1000");
        assertThat(JSON.readTree(refused.getResponseBody()).at("/error/metadata/limit").asString())
                .isEqualTo("tokens_per_minute");
    }

    @Test
    void shouldGiveTheTokenEstimateBackWhenNothingWasGenerated() {
        String tenant = newTenantId();
        String key = newKey(tenant, Role.USER, KeyRecords.rateLimits(null, 1000));
        topUp(tenant, 1_000_000_000L);

        chat(key, chat(TestCatalog.CHEAP, 600), false, 200);
        chat(key, chat(TestCatalog.CHEAP, 600), false, 200);
        chat(key, chat(TestCatalog.CHEAP, 600), true, 200);
    }

    @Test
    void shouldCorrectTheTokenBucketByTheTokensReallyUsed() {
        String tenant = newTenantId();
        String key = newKey(tenant, Role.USER, KeyRecords.rateLimits(null, 1000));
        topUp(tenant, 1_000_000_000L);
        String requestId = chat(key, chat(TestCatalog.CHEAP, 600), true, 200).getResponseHeaders()
                .getFirst("X-Request-Id");
        chat(key, chat(TestCatalog.CHEAP, 600), true, 429);

        StepVerifier.create(limiter.correct(ApiKeys.hash(key), requestId, 50)).expectNext(true).verifyComplete();
        StepVerifier.create(limiter.correct(ApiKeys.hash(key), requestId, 50)).expectNext(false).verifyComplete();

        chat(key, chat(TestCatalog.CHEAP, 600), true, 200);
    }

    @Test
    void shouldAdmitATokenEstimateLargerThanTheWholeBucketWhenTheBucketIsFull() {
        String tenant = newTenantId();
        String key = newKey(tenant, Role.USER, KeyRecords.rateLimits(null, 100));
        topUp(tenant, 1_000_000_000L);

        chat(key, chat(TestCatalog.CHEAP, 900), true, 200);
        chat(key, chat(TestCatalog.CHEAP, 1), true, 429);
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

    private EntityExchangeResult<String> chat(String key, String body, boolean generates, int status) {
        return web.post()
                .uri("/api/v1/chat/completions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .header("X-Stub-Generation", generates ? "yes" : "none")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(String.class)
                .returnResult();
    }
}
