package io.switchboard.gateway.hygiene;

import io.switchboard.gateway.support.GatewayTest;
import io.switchboard.kit.identity.Role;
import io.switchboard.testsupport.contract.OpenRouterContract;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "switchboard.gateway.cors.allowed-origins=https://app.example.com")
class CorsIT extends GatewayTest {

    @Test
    void shouldAnswerAPreflightFromAnAllowedOriginWithoutAKey() {
        web.options()
                .uri("/api/v1/chat/completions")
                .header(HttpHeaders.ORIGIN, "https://app.example.com")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example.com")
                .expectHeader()
                .exists(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS);
    }

    @Test
    void shouldRefuseAnotherOriginWith403InOpenRoutersErrorJson() {
        String body = web.options()
                .uri("/api/v1/chat/completions")
                .header(HttpHeaders.ORIGIN, "https://evil.example.net")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        OpenRouterContract.assertConforms("ForbiddenResponse", body);
    }

    @Test
    void shouldLetABrowserReadTheRequestIdAndRateLimitHeaders() {
        web.get()
                .uri("/api/v1/key")
                .header(HttpHeaders.ORIGIN, "https://app.example.com")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + newKey(Role.USER))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example.com")
                .expectHeader()
                .value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> org.assertj.core.api.Assertions
                        .assertThat(exposed)
                        .contains("X-Request-Id")
                        .contains("X-RateLimit-Remaining"));
    }
}
