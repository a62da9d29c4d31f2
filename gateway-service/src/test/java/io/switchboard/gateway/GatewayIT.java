package io.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.auth.ApiKeyRecord;
import io.switchboard.gateway.auth.ApiKeyStore;
import io.switchboard.gateway.auth.ApiKeys;
import io.switchboard.kit.identity.IdentityHeaders;
import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.testsupport.contract.OpenRouterContract;
import io.switchboard.testsupport.infra.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayIT {

    static final String SECRET = "gateway-test-secret-0123456789abcdefghij";
    static final String BOOTSTRAP_KEY = "sk-sb-v1-bootstrap" + UUID.randomUUID().toString().replace("-", "");
    static final UpstreamStub UPSTREAM = new UpstreamStub();

    @Autowired
    WebTestClient web;

    @Autowired
    ApiKeyStore keys;

    @Autowired
    IdentityProof proof;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", () -> TestInfrastructure.redis().url());
        registry.add("switchboard.internal.secret", () -> SECRET);
        registry.add("SWITCHBOARD_ROUTING_URL", UPSTREAM::url);
        registry.add("SWITCHBOARD_CATALOG_URL", UPSTREAM::url);
        registry.add("SWITCHBOARD_BILLING_URL", UPSTREAM::url);
        registry.add("SWITCHBOARD_BOOTSTRAP_KEY", () -> BOOTSTRAP_KEY);
        registry.add("SWITCHBOARD_BOOTSTRAP_TENANT", () -> "boot-tenant");
    }

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.close();
    }

    @Test
    void shouldRefuseARequestWithoutAKey() {
        String body = web.get()
                .uri("/api/v1/models")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .exists("X-Request-Id")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        OpenRouterContract.assertConforms("UnauthorizedResponse", body);
    }

    @Test
    void shouldRefuseUnknownMalformedAndDisabledKeys() {
        String disabled = newKey();
        StepVerifier.create(keys.save(new ApiKeyRecord(ApiKeys.hash(disabled), "tenant-x", "off", true)))
                .expectNext(true)
                .verifyComplete();

        for (String key : new String[]{newKey(), "sk-sb-v1-short", "not-a-key", disabled}) {
            web.get()
                    .uri("/api/v1/models")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody()
                    .jsonPath("$.error.code")
                    .isEqualTo(401);
        }
    }

    @Test
    void shouldForwardTheCallersIdentityWithAProofAndNeverTheKey() {
        String key = newKey();
        StepVerifier.create(keys.save(new ApiKeyRecord(ApiKeys.hash(key), "tenant-a", "a key", false)))
                .expectNext(true)
                .verifyComplete();

        String requestId = web.post()
                .uri("/api/v1/chat/completions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .header(IdentityHeaders.TENANT, "tenant-b")
                .header("X-Switchboard-Anything", "spoofed")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"m\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst("X-Request-Id");

        HttpHeaders forwarded = new HttpHeaders();
        UPSTREAM.lastHeaders.forEach(entry -> forwarded.add(entry.getKey(), entry.getValue()));
        assertThat(forwarded.get(IdentityHeaders.TENANT)).containsExactly("tenant-a");
        assertThat(forwarded.getFirst(IdentityHeaders.KEY)).isEqualTo(ApiKeys.hash(key));
        assertThat(forwarded.getFirst(IdentityHeaders.REQUEST_ID)).isEqualTo(requestId);
        assertThat(forwarded.containsHeader("X-Switchboard-Anything")).isFalse();
        assertThat(forwarded.containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();
        assertThat(proof.verify(HttpMethod.POST, "/api/v1/chat/completions", forwarded))
                .contains(new InternalIdentity("tenant-a", ApiKeys.hash(key), requestId));
    }

    @Test
    void shouldCreateTheBootstrapKeyAtStartUp() {
        web.get()
                .uri("/api/v1/generation?id=gen-1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + BOOTSTRAP_KEY)
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(UPSTREAM.lastHeaders.get(IdentityHeaders.TENANT)).isEqualTo("boot-tenant");
        assertThat(UPSTREAM.lastPath).isEqualTo("/api/v1/generation?id=gen-1");
    }

    @Test
    void shouldPassAStreamOnEventByEvent() {
        var events = web.post()
                .uri("/api/v1/chat/completions?stream")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + BOOTSTRAP_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(byte[].class)
                .getResponseBody()
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8));

        StepVerifier.create(events)
                .assertNext(first -> {
                    assertThat(first).contains("\"n\":0");
                    // The upstream has not sent its last event yet: nothing was buffered on the way.
                    assertThat(UPSTREAM.streamFinished).isFalse();
                })
                .thenConsumeWhile(chunk -> true)
                .verifyComplete();
        assertThat(UPSTREAM.streamFinished).isTrue();
    }

    @Test
    void shouldAnswerAnUnknownPathWith404InOpenRoutersErrorJson() {
        String body = web.get()
                .uri("/api/v1/no-such-thing")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + BOOTSTRAP_KEY)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        OpenRouterContract.assertConforms("NotFoundResponse", body);
    }

    private static String newKey() {
        return ApiKeys.PREFIX + UUID.randomUUID().toString().replace("-", "") + "abcdefghij";
    }
}
