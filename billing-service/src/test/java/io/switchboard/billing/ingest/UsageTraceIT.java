package io.switchboard.billing.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.switchboard.billing.BillingIT;
import io.switchboard.billing.TestEvents;
import io.switchboard.billing.TestKafka;
import io.switchboard.usage.UsageEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** billing applies a usage event under a consumer span that continues the trace its record header names. */
@Import(UsageTraceIT.SpansInMemory.class)
class UsageTraceIT extends BillingIT {

    static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

    @Test
    void shouldApplyAUsageEventInTheTraceOfTheRequestThatProducedIt() {
        String traceId = "5b8efff798038103d269b633813fc60c";
        String routingSpanId = "eee19b7ec3c1b174";

        TestKafka.publish(TestEvents.generation(TestEvents.newTenant()).event(), Map.of("traceparent",
                "00-" + traceId + "-" + routingSpanId + "-01", "tracestate", "vendor=opaque"));
        awaitConsumed();

        SpanData consumed = awaitSpan(traceId);
        assertThat(consumed.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(consumed.getName()).isEqualTo("process " + UsageEvents.TOPIC);
        assertThat(consumed.getParentSpanId()).isEqualTo(routingSpanId);
        assertThat(consumed.getSpanContext().getTraceState().get("vendor")).isEqualTo("opaque");
        assertThat(consumed.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")))
                .isEqualTo(UsageEvents.TOPIC);
    }

    private static SpanData awaitSpan(String traceId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !spansOf(traceId).isEmpty());
        List<SpanData> spans = spansOf(traceId);
        assertThat(spans).hasSize(1);
        return spans.getFirst();
    }

    private static List<SpanData> spansOf(String traceId) {
        return SPANS.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class SpansInMemory {

        @Bean
        SpanProcessor spansInMemory() {
            return SimpleSpanProcessor.create(SPANS);
        }
    }
}
