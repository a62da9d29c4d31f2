package io.switchboard.routing.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.routing.support.RoutingTestConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;

/**
 * A chat request's trace, from the {@code traceparent} routing received through each provider attempt to the usage
 * event: the provider sees the trace, each attempt is a span of its own with what it called and how it ended, and the
 * usage event's Kafka record carries the trace on.
 */
class TracingIT extends FaultyProvidersTestBase {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String GATEWAY_SPAN_ID = "b7ad6b7169203331";

    @Test
    void shouldCarryTheTraceThroughEveryProviderAttemptToTheUsageEvent() {
        SIMULATOR.fault("alpha", "{\"type\":\"http_error\",\"status\":503}");
        try {
            FluxExchangeResult<org.springframework.http.codec.ServerSentEvent<String>> result = web.post()
                    .uri(PATH)
                    .headers(headers -> {
                        proof.sign(new InternalIdentity("tenant-t", "key-t", "req-" + UUID.randomUUID()),
                                HttpMethod.POST, PATH, headers);
                        headers.set("traceparent", "00-" + TRACE_ID + "-" + GATEWAY_SPAN_ID + "-01");
                    })
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(chat("test/failover", true, "").getBytes(StandardCharsets.UTF_8))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .returnResult(SSE);
            String generationId = result.getResponseHeaders().getFirst("X-Generation-Id");
            assertThat(data(events(result))).last().isEqualTo("[DONE]");

            USAGE.await(generationId);
            assertThat(traceId(USAGE.traceparent(generationId))).isEqualTo(TRACE_ID);

            SpanData alpha = attempt("alpha");
            SpanData beta = attempt("beta");
            assertThat(alpha.getAttributes().get(AttributeKey.stringKey("status"))).isEqualTo("503");
            assertThat(beta.getAttributes().get(AttributeKey.stringKey("status"))).isEqualTo("ok");
            assertThat(beta.getAttributes().get(AttributeKey.stringKey("endpoint"))).isEqualTo(
                    "beta:test/failover");
            assertThat(beta.getAttributes().get(AttributeKey.stringKey("model"))).isNotBlank();
            assertThat(alpha.getSpanId()).isNotEqualTo(beta.getSpanId());
            assertThat(alpha.getParentSpanId()).isEqualTo(beta.getParentSpanId());

            // What each provider received names the HTTP client span of its attempt, inside the attempt's span.
            for (SpanData attempt : List.of(alpha, beta)) {
                String provider = attempt.getAttributes().get(AttributeKey.stringKey("provider"));
                String received = SIMULATOR.stats(provider).get("last_traceparent").asString();
                assertThat(traceId(received)).as(provider).isEqualTo(TRACE_ID);
                SpanData call = span(received.split("-")[2]);
                assertThat(call.getParentSpanId()).as(provider).isEqualTo(attempt.getSpanId());
            }
            // The usage event continues from routing's server span, the parent of the attempts.
            assertThat(USAGE.traceparent(generationId).split("-")[2]).isEqualTo(beta.getParentSpanId());
            assertThat(span(beta.getParentSpanId()).getParentSpanId()).isEqualTo(GATEWAY_SPAN_ID);
        } finally {
            SIMULATOR.clearFault("alpha");
        }
    }

    /** The ended span of the attempt on {@code provider} in the test's trace, waiting for it to end. */
    private static SpanData attempt(String provider) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> attempts(provider).size() == 1);
        return attempts(provider).getFirst();
    }

    private static List<SpanData> attempts(String provider) {
        return RoutingTestConfiguration.SPANS.getFinishedSpanItems()
                .stream()
                .filter(span -> span.getTraceId().equals(TRACE_ID))
                .filter(span -> provider.equals(span.getAttributes().get(AttributeKey.stringKey("provider"))))
                .toList();
    }

    private static SpanData span(String spanId) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> RoutingTestConfiguration.SPANS
                        .getFinishedSpanItems()
                        .stream()
                        .anyMatch(span -> span.getSpanId().equals(spanId)));
        return RoutingTestConfiguration.SPANS.getFinishedSpanItems()
                .stream()
                .filter(span -> span.getSpanId().equals(spanId))
                .findFirst()
                .orElseThrow();
    }

    private static String traceId(String traceparent) {
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        return traceparent.split("-")[1];
    }
}
