package io.switchboard.routing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.usage.FailoverAttempt;
import io.switchboard.usage.Outcome;
import io.switchboard.usage.PriceSnapshot;
import io.switchboard.usage.TokenUsage;
import io.switchboard.usage.UsageData;
import io.switchboard.usage.UsageEvent;
import io.switchboard.usage.UsageEvents;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class DurableUsagePublisherTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final MockProducer<String, byte[]> kafka = mock();
    private DurableUsagePublisher publisher;

    @AfterEach
    void stop() {
        if (publisher != null && publisher.isRunning()) {
            publisher.stop();
        }
    }

    @Test
    void shouldDeliverEveryEventWithItsTenantAsKeyAndCheckpointIt() {
        publisher = start(kafka);

        publisher.publish(event("gen-1", "tenant-a"));
        publisher.publish(event("gen-2", "tenant-b"));
        Awaitility.await().atMost(PATIENCE).until(() -> kafka.history().size() == 2);
        kafka.completeNext();
        kafka.completeNext();

        Awaitility.await().atMost(PATIENCE).until(() -> publisher.undeliveredBytes() == 0);
        assertThat(kafka.history()).extracting(ProducerRecord::key).containsExactly("tenant-a", "tenant-b");
        assertThat(kafka.history()).extracting(record -> UsageEvents.fromJson(record.value()).id())
                .containsExactly("gen-1", "gen-2");
        assertThat(kafka.history().getFirst().headers().lastHeader(UsageEvents.CONTENT_TYPE_HEADER)).isNotNull();
    }

    @Test
    void shouldSendAgainWhatKafkaFailedToDeliver() {
        publisher = start(kafka);

        publisher.publish(event("gen-1", "tenant-a"));
        Awaitility.await().atMost(PATIENCE).until(() -> kafka.history().size() == 1);
        kafka.errorNext(new TimeoutException("broker unreachable"));

        Awaitility.await().atMost(PATIENCE).until(() -> kafka.history().size() == 2);
        kafka.completeNext();
        Awaitility.await().atMost(PATIENCE).until(() -> publisher.undeliveredBytes() == 0);
        assertThat(kafka.history()).extracting(record -> UsageEvents.fromJson(record.value()).id())
                .containsExactly("gen-1", "gen-1");
    }

    @Test
    void shouldKeepNoMoreThanMaxInFlightEventsWithTheProducer() {
        publisher = start(kafka);

        for (int i = 0; i < 5; i++) {
            publisher.publish(event("gen-" + i, "tenant-a"));
        }

        Awaitility.await().atMost(PATIENCE).until(() -> kafka.history().size() == 2);
        Awaitility.await().during(Duration.ofMillis(300)).atMost(PATIENCE).until(() -> kafka.history().size() == 2);
        for (int i = 0; i < 5; i++) {
            Awaitility.await().atMost(PATIENCE).until(kafka::completeNext);
        }
        Awaitility.await().atMost(PATIENCE).until(() -> publisher.undeliveredBytes() == 0);
        assertThat(kafka.history()).extracting(record -> UsageEvents.fromJson(record.value()).id())
                .containsExactly("gen-0", "gen-1", "gen-2", "gen-3", "gen-4");
    }

    @Test
    void shouldDeliverAfterARestartWhatKafkaHadNotAcknowledged() {
        publisher = start(kafka);
        publisher.publish(event("gen-1", "tenant-a"));
        publisher.publish(event("gen-2", "tenant-a"));
        Awaitility.await().atMost(PATIENCE).until(() -> kafka.history().size() == 2);
        kafka.completeNext();
        publisher.stop();

        MockProducer<String, byte[]> afterRestart = mock();
        publisher = start(afterRestart);

        Awaitility.await().atMost(PATIENCE).until(() -> afterRestart.history().size() == 1);
        afterRestart.completeNext();
        Awaitility.await().atMost(PATIENCE).until(() -> publisher.undeliveredBytes() == 0);
        assertThat(afterRestart.history()).extracting(record -> UsageEvents.fromJson(record.value()).id())
                .containsExactly("gen-2");
    }

    @Test
    void shouldSendTheTraceContextOfAnEventWithItEvenAfterARestart() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        publisher = start(kafka);
        publisher.stop();
        publisher.publish(event("gen-traced", "tenant-a"), Map.of("traceparent", traceparent));

        MockProducer<String, byte[]> afterRestart = mock();
        publisher = start(afterRestart);

        Awaitility.await().atMost(PATIENCE).until(() -> afterRestart.history().size() == 1);
        ProducerRecord<String, byte[]> sent = afterRestart.history().getFirst();
        assertThat(new String(sent.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo(traceparent);
        assertThat(sent.headers().lastHeader("tracestate")).isNull();
        assertThat(sent.headers().lastHeader(UsageEvents.CONTENT_TYPE_HEADER)).isNotNull();
    }

    @Test
    void shouldJournalAnEventPublishedAfterShutdownForTheNextStart() {
        publisher = start(kafka);
        publisher.stop();
        publisher.publish(event("gen-late", "tenant-a"));

        MockProducer<String, byte[]> afterRestart = mock();
        publisher = start(afterRestart);

        Awaitility.await().atMost(PATIENCE).until(() -> afterRestart.history().size() == 1);
        assertThat(UsageEvents.fromJson(afterRestart.history().getFirst().value()).id()).isEqualTo("gen-late");
    }

    private DurableUsagePublisher start(MockProducer<String, byte[]> producer) {
        UsageProperties properties = new UsageProperties(dir, 2, DataSize.ofMegabytes(1), Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(300));
        DurableUsagePublisher started = new DurableUsagePublisher(properties,
                () -> new KafkaUsageProducer(producer));
        started.start();
        return started;
    }

    private static MockProducer<String, byte[]> mock() {
        return new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    }

    static UsageEvent event(String generationId, String tenant) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        UsageData data = new UsageData(generationId, tenant, "key", "req", "m/model", "m/model", "p", "P", "p:m/model",
                null, true, Outcome.COMPLETED, "stop", "stop", new TokenUsage(10, 5, 0, 0, 0, 0, false),
                PriceSnapshot.perToken("0.000001", "0.000002"), new BigDecimal("0.00002"), at, 100, 20L,
                List.<FailoverAttempt>of(), null, null, null);
        return UsageEvent.of("/test", at, data);
    }
}
