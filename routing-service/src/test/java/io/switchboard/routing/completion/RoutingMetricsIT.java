package io.switchboard.routing.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.switchboard.testsupport.metrics.PrometheusScrape;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator's Prometheus sees of routing's generations: the scrape of {@code /actuator/prometheus} before and
 * after real requests through the provider simulator.
 */
class RoutingMetricsIT extends FaultyProvidersTestBase {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MODEL = "test/metrics";
    static final Map<String, String> OMICRON = Map.of("model", MODEL, "provider", "omicron");
    static final Map<String, String> PI = Map.of("model", MODEL, "provider", "pi");

    @LocalManagementPort
    int managementPort;

    @Test
    void shouldCountAStreamedGenerationsTokensCostAndTimings() {
        PrometheusScrape before = scrape();

        List<String> data = data(events(post(chat(MODEL, true, "")).expectStatus().isOk().returnResult(SSE)));

        JsonNode usage = JSON.readTree(data.get(data.size() - 2)).get("usage");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            PrometheusScrape after = scrape();
            assertThat(rise(before, after, "switchboard_routing_requests_total",
                    with(OMICRON, "outcome", "success", "stream", "true", "endpoint", "omicron:" + MODEL)))
                    .isEqualTo(1);
            assertThat(rise(before, after, "switchboard_routing_tokens_total", with(OMICRON, "type", "prompt")))
                    .isEqualTo(usage.get("prompt_tokens").asDouble());
            assertThat(rise(before, after, "switchboard_routing_tokens_total", with(OMICRON, "type", "completion")))
                    .isEqualTo(usage.get("completion_tokens").asDouble());
            assertThat(rise(before, after, "switchboard_routing_cost_usd_total", OMICRON))
                    .isCloseTo(usage.get("cost").asDouble(), within(1e-12));
            assertThat(rise(before, after, "switchboard_routing_time_to_first_token_seconds_count",
                    with(OMICRON, "stream", "true"))).isEqualTo(1);
            assertThat(rise(before, after, "switchboard_routing_request_duration_seconds_bucket",
                    with(OMICRON, "stream", "true", "le", "+Inf"))).isEqualTo(1);
            assertThat(after.sum("switchboard_routing_streams_open", Map.of())).isZero();
        });
        assertThat(usage.get("cost").asDouble()).isPositive();
    }

    @Test
    void shouldCountTheProvidersErrorByKindAndTheFailover() {
        PrometheusScrape before = scrape();
        SIMULATOR.fault("omicron", "{\"type\":\"http_error\",\"status\":503}");
        try {
            assertThat(JSON.readTree(complete(chat(MODEL, false, "")).getResponseBody()).get("provider").asString())
                    .isEqualTo("Pi");
        } finally {
            SIMULATOR.clearFault("omicron");
        }

        PrometheusScrape after = scrape();
        assertThat(rise(before, after, "switchboard_routing_upstream_errors_total", with(OMICRON, "kind", "5xx")))
                .isEqualTo(1);
        assertThat(rise(before, after, "switchboard_routing_failovers_total", OMICRON)).isEqualTo(1);
        assertThat(rise(before, after, "switchboard_routing_requests_total",
                with(PI, "outcome", "success", "stream", "false"))).isEqualTo(1);
        // The endpoint's circuit breaker is exported by Resilience4j's Micrometer binder, one series per state.
        assertThat(after.matching("resilience4j_circuitbreaker_state", Map.of("name", "omicron:" + MODEL)))
                .extracting(sample -> sample.labels().get("state"))
                .contains("closed", "open", "half_open");
        assertThat(after.sum("resilience4j_circuitbreaker_state", Map.of("name", "omicron:" + MODEL, "state",
                "closed"))).isEqualTo(1);
    }

    @Test
    void shouldCountARequestNoEndpointCouldServeAsAnError() {
        PrometheusScrape before = scrape();
        SIMULATOR.fault("omicron", "{\"type\":\"http_error\",\"status\":400}");
        try {
            post(chat(MODEL, false, "")).expectStatus().isBadRequest();
        } finally {
            SIMULATOR.clearFault("omicron");
        }

        PrometheusScrape after = scrape();
        assertThat(rise(before, after, "switchboard_routing_upstream_errors_total", with(OMICRON, "kind", "4xx")))
                .isEqualTo(1);
        assertThat(rise(before, after, "switchboard_routing_requests_total",
                Map.of("model", MODEL, "provider", "none", "outcome", "error"))).isEqualTo(1);
        assertThat(rise(before, after, "switchboard_routing_failovers_total", OMICRON)).isZero();
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.of(URI.create("http://127.0.0.1:" + managementPort));
    }

    private static double rise(PrometheusScrape before, PrometheusScrape after, String name,
            Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    private static Map<String, String> with(Map<String, String> labels, String... more) {
        Map<String, String> all = new java.util.HashMap<>(labels);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all;
    }
}
