package io.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.auth.ApiKeys;
import io.switchboard.gateway.support.GatewayTest;
import io.switchboard.gateway.support.KeyRecords;
import io.switchboard.gateway.support.TestCatalog;
import io.switchboard.kit.identity.IdentityHeaders;
import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.kit.identity.Role;
import io.switchboard.testsupport.contract.OpenRouterContract;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import reactor.test.StepVerifier;

class GatewayIT extends GatewayTest {

    @Autowired
    IdentityProof proof;

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
    void shouldRefuseUnknownMalformedDisabledAndExpiredKeys() {
        String tenant = newTenantId();
        String disabled = newKey(tenant, Role.USER, KeyRecords.disabled());
        String expired = newKey(tenant, Role.USER, KeyRecords.expiresAt(clock.instant()));

        for (String key : new String[]{ApiKeys.generate(IDS), "sk-sb-v1-short", "not-a-key", disabled, expired}) {
            String body = web.get()
                    .uri("/api/v1/models")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
            OpenRouterContract.assertConforms("UnauthorizedResponse", body);
        }
    }

    @Test
    void shouldForwardTheCallersIdentityAndRoleWithAProofAndNeverTheKey() {
        String tenant = newTenantId();
        String key = newKey(tenant, Role.USER, record -> record);
        topUp(tenant, 1_000_000_000L);

        String requestId = web.post()
                .uri("/api/v1/chat/completions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .header(IdentityHeaders.TENANT, "tenant-b")
                .header(IdentityHeaders.ROLE, "OPERATOR")
                .header("X-Switchboard-Anything", "spoofed")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(chat(TestCatalog.CHEAP, 10))
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst("X-Request-Id");

        HttpHeaders forwarded = new HttpHeaders();
        UPSTREAM.lastHeaders.forEach(entry -> forwarded.add(entry.getKey(), entry.getValue()));
        assertThat(forwarded.get(IdentityHeaders.TENANT)).containsExactly(tenant);
        assertThat(forwarded.get(IdentityHeaders.ROLE)).containsExactly("USER");
        assertThat(forwarded.getFirst(IdentityHeaders.KEY)).isEqualTo(ApiKeys.hash(key));
        assertThat(forwarded.getFirst(IdentityHeaders.REQUEST_ID)).isEqualTo(requestId);
        assertThat(forwarded.containsHeader("X-Switchboard-Anything")).isFalse();
        assertThat(forwarded.containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();
        assertThat(proof.verify(HttpMethod.POST, "/api/v1/chat/completions", forwarded))
                .contains(new InternalIdentity(tenant, ApiKeys.hash(key), requestId, Role.USER));
    }

    @Test
    void shouldPassAttributionHeadersOnForMetering() {
        String key = newKey(Role.USER);

        web.get()
                .uri("/api/v1/models")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .header("HTTP-Referer", "https://app.example.com")
                .header("X-Title", "Example App")
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(UPSTREAM.lastHeaders.get("HTTP-Referer")).isEqualTo("https://app.example.com");
        assertThat(UPSTREAM.lastHeaders.get("X-Title")).isEqualTo("Example App");
    }

    @Test
    void shouldCreateTheBootstrapKeyAndItsTenantAtStartUp() {
        web.get()
                .uri("/api/v1/generation?id=gen-1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + BOOTSTRAP_KEY)
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(UPSTREAM.lastHeaders.get(IdentityHeaders.TENANT)).isEqualTo(BOOTSTRAP_TENANT);
        assertThat(UPSTREAM.lastPath).isEqualTo("/api/v1/generation?id=gen-1");
        StepVerifier.create(tenants.find(BOOTSTRAP_TENANT)).expectNextCount(1).verifyComplete();
    }

    @Test
    void shouldPassAStreamOnEventByEvent() {
        String tenant = newTenantId();
        String key = newKey(tenant, Role.USER, record -> record);
        topUp(tenant, 1_000_000_000L);

        var events = web.post()
                .uri("/api/v1/chat/completions?stream")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(chat(TestCatalog.CHEAP, 10))
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
                .expectHeader()
                .exists("X-Request-Id")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        OpenRouterContract.assertConforms("NotFoundResponse", body);
    }
}
