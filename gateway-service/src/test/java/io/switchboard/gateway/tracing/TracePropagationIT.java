package io.switchboard.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.support.GatewayTest;
import io.switchboard.gateway.support.KeyRecords;
import io.switchboard.gateway.support.TestCatalog;
import io.switchboard.gateway.support.UpstreamStub;
import io.switchboard.kit.identity.Role;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The gateway continues a client's W3C trace (or starts one) and hands it on to the service behind it in
 * {@code traceparent}, under a span of its own. Requests go through a plain, uninstrumented client, so the only
 * trace context is the one a test sends.
 */
class TracePropagationIT extends GatewayTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN_ID = "00f067aa0ba902b7";

    @LocalServerPort
    private int port;

    private String key;

    @BeforeEach
    void keyWithCredit() {
        String tenant = newTenantId();
        key = newKey(tenant, Role.USER, KeyRecords.rateLimits(1_000_000, null));
        topUp(tenant, 1_000_000_000_000L);
    }

    @Test
    void shouldContinueTheClientsTraceToTheUpstreamUnderASpanOfItsOwn() {
        String marker = IDS.next("trace-", 12);

        StepVerifier.create(call("/api/v1/chat/completions", marker,
                "00-" + TRACE_ID + "-" + CLIENT_SPAN_ID + "-01", "vendor=opaque"))
                .expectNext(200)
                .verifyComplete();

        UpstreamStub.Received received = receivedWith(marker);
        String traceparent = received.headers().get("traceparent");
        assertThat(received.headers().getAll("traceparent")).hasSize(1);
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(traceId(traceparent)).isEqualTo(TRACE_ID);
        assertThat(spanId(traceparent)).isNotEqualTo(CLIENT_SPAN_ID);
        assertThat(received.headers().get("tracestate")).isEqualTo("vendor=opaque");
        // The identity proof still holds: the trace headers are not part of what it signs.
        assertThat(received.headers().get("X-Switchboard-Tenant")).isNotNull();
    }

    @Test
    void shouldStartATraceForARequestWithoutOneOnEveryRoute() {
        for (String path : List.of("/api/v1/chat/completions", "/api/v1/models", "/api/v1/generation?id=gen-1")) {
            String marker = IDS.next("trace-", 12);

            StepVerifier.create(call(path, marker, null, null)).expectNext(200).verifyComplete();

            String traceparent = receivedWith(marker).headers().get("traceparent");
            assertThat(traceparent).as(path).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            assertThat(traceId(traceparent)).as(path).isNotEqualTo("0".repeat(32));
        }
    }

    private Mono<Integer> call(String path, String marker, String traceparent, String tracestate) {
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        WebClient.RequestHeadersSpec<?> request = path.startsWith("/api/v1/chat")
                ? client.post()
                        .uri(path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(chat(TestCatalog.CHEAP, 16))
                : client.get().uri(path);
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .header("X-Test-Marker", marker)
                .headers(headers -> {
                    if (traceparent != null) {
                        headers.set("traceparent", traceparent);
                        headers.set("tracestate", tracestate);
                    }
                })
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()));
    }

    private static UpstreamStub.Received receivedWith(String marker) {
        List<UpstreamStub.Received> received = UPSTREAM.received(r -> marker.equals(r.headers()
                .get(
                        "X-Test-Marker")));
        assertThat(received).hasSize(1);
        return received.getFirst();
    }

    private static String traceId(String traceparent) {
        return traceparent.split("-")[1];
    }

    private static String spanId(String traceparent) {
        return traceparent.split("-")[2];
    }
}
