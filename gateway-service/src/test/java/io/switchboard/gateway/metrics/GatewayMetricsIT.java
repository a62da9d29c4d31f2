package io.switchboard.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.support.GatewayTest;
import io.switchboard.gateway.support.KeyRecords;
import io.switchboard.gateway.support.TestCatalog;
import io.switchboard.kit.identity.Role;
import io.switchboard.testsupport.metrics.PrometheusScrape;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway's refusals as Prometheus scrapes them: one count per refused request, by reason. */
class GatewayMetricsIT extends GatewayTest {

    private static final String REJECTIONS = "switchboard_gateway_rejections_total";

    @LocalManagementPort
    int managementPort;

    @Test
    void shouldCountARequestWithoutAKeyAsUnauthenticated() {
        PrometheusScrape before = scrape();

        web.get().uri("/api/v1/models").exchange().expectStatus().isUnauthorized();

        assertThat(rise(before, scrape(), "unauthenticated")).isEqualTo(1);
    }

    @Test
    void shouldCountTheRequestOverTheKeysRateLimit() {
        String key = newKey(newTenantId(), Role.USER, KeyRecords.rateLimits(1, null));
        get(key, "/api/v1/models").expectStatus().isOk();
        PrometheusScrape before = scrape();

        get(key, "/api/v1/models").expectStatus().isEqualTo(429);

        PrometheusScrape after = scrape();
        assertThat(rise(before, after, "rate_limit_requests")).isEqualTo(1);
        assertThat(rise(before, after, "rate_limit_tokens")).isZero();
    }

    @Test
    void shouldCountAChatTheCreditGateRefuses() {
        String key = newKey(newTenantId(), Role.USER, k -> k);
        PrometheusScrape before = scrape();

        web.post()
                .uri("/api/v1/chat/completions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(chat(TestCatalog.CHEAP, 10))
                .exchange()
                .expectStatus()
                .isEqualTo(402);

        assertThat(rise(before, scrape(), "credit")).isEqualTo(1);
    }

    @Test
    void shouldCountHygieneRefusalsByReason() {
        String key = newKey(newTenantId(), Role.USER, KeyRecords.rateLimits(1000, null));
        PrometheusScrape before = scrape();

        web.delete()
                .uri("/api/v1/chat/completions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .exchange()
                .expectStatus()
                .isEqualTo(405);
        web.post()
                .uri("/api/v1/chat/completions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("hello")
                .exchange()
                .expectStatus()
                .isEqualTo(415);

        PrometheusScrape after = scrape();
        assertThat(rise(before, after, "method_not_allowed")).isEqualTo(1);
        assertThat(rise(before, after, "unsupported_media_type")).isEqualTo(1);
    }

    @Test
    void shouldAnswerProbesOnTheManagementPortWithoutAKey() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();

        management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    @Test
    void shouldExposeTheStandardHttpServerMetricsTaggedWithTheService() {
        String key = newKey(newTenantId(), Role.USER, KeyRecords.rateLimits(1000, null));
        get(key, "/api/v1/models").expectStatus().isOk();

        PrometheusScrape scrape = scrape();

        assertThat(scrape.sum("http_server_requests_seconds_count", Map.of("status", "200", "application",
                "gateway-service"))).isPositive();
        assertThat(scrape.has("jvm_memory_used_bytes")).isTrue();
        assertThat(scrape.has("process_cpu_usage")).isTrue();
    }

    private WebTestClient.ResponseSpec get(String key, String path) {
        return web.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + key).exchange();
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.of(URI.create("http://127.0.0.1:" + managementPort));
    }

    private static double rise(PrometheusScrape before, PrometheusScrape after, String reason) {
        Map<String, String> labels = Map.of("reason", reason);
        return after.sum(REJECTIONS, labels) - before.sum(REJECTIONS, labels);
    }
}
