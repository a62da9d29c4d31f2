package io.switchboard.routing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.routing.support.UsageEventTail;
import io.switchboard.testsupport.infra.FreePorts;
import io.switchboard.testsupport.infra.TestInfrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.util.unit.DataSize;

/** Usage events journaled while no Kafka could be reached survive a restart and reach the real broker once. */
class DurableUsagePublisherIT {

    static final UsageEventTail USAGE = new UsageEventTail(TestInfrastructure.kafka().bootstrapServers());

    @TempDir
    Path spool;

    @AfterAll
    static void stopTail() {
        USAGE.close();
    }

    @Test
    void shouldDeliverEventsJournaledBeforeARestartExactlyOnce() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = List.of("gen-" + run + "-1", "gen-" + run + "-2", "gen-" + run + "-3");
        DurableUsagePublisher unreachable = publisher("127.0.0.1:" + FreePorts.next());
        unreachable.start();
        ids.forEach(id -> unreachable.publish(DurableUsagePublisherTest.event(id, "tenant-" + run)));
        unreachable.stop();
        assertThat(unreachable.undeliveredBytes()).isPositive();

        DurableUsagePublisher restarted = publisher(TestInfrastructure.kafka().bootstrapServers());
        restarted.start();
        try {
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> restarted.undeliveredBytes() == 0);
            String marker = "gen-" + run + "-marker";
            restarted.publish(DurableUsagePublisherTest.event(marker, "tenant-" + run));
            USAGE.await(marker);
        } finally {
            restarted.stop();
        }

        assertThat(ids).allSatisfy(id -> assertThat(USAGE.count(id)).as("events of %s", id).isOne());
    }

    private DurableUsagePublisher publisher(String bootstrapServers) {
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of(bootstrapServers));
        UsageProperties properties = new UsageProperties(spool, 100, DataSize.ofMegabytes(1), Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(1));
        return new DurableUsagePublisher(kafka, properties);
    }
}
