package io.switchboard.billing.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.billing.BillingIT;
import io.switchboard.billing.TestEvents;
import io.switchboard.billing.TestKafka;
import io.switchboard.billing.TestRedis;
import io.switchboard.ledger.Nanodollars;
import io.switchboard.testsupport.infra.ChildProcess;
import io.switchboard.testsupport.infra.TestInfrastructure;
import io.switchboard.usage.UsageEvents;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * billing-service as a process of its own, killed with SIGKILL in the middle of a batch whose effects are partly
 * stored and whose offsets are not committed, then started again: the redelivered batch changes no total.
 *
 * <p>The crash point is made deterministic with a fault: one tenant's activity key holds a value of the wrong type, so
 * that tenant's event fails after its generation record and its charge were stored. The consumer then retries the
 * batch (never committing it) until it is killed.
 */
class ConsumerCrashIT {

    private static final int PARTITION = 0;

    private final String acme = TestEvents.newTenant();
    private final String globex = TestEvents.newTenant();
    private final String group = "crash-" + UUID.randomUUID();
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        processes.forEach(process -> ChildProcess.stop(process, Duration.ofSeconds(10)));
    }

    @Test
    void shouldChangeNoTotalWhenKilledMidBatchAndRestarted() throws Exception {
        try (TestRedis redis = new TestRedis(5)) {
            redis.flush();
            List<TestEvents.Generation> before = generations(acme, 20);
            TestEvents.Generation failing = TestEvents.generation(globex).tokens(3_000, 700);
            List<TestEvents.Generation> after = generations(acme, 20);
            String poisoned = "billing:{" + globex + "}:activity:"
                    + failing.createdAt().atZone(ZoneOffset.UTC).toLocalDate();
            redis.commands().set(poisoned, "not a hash");
            before.forEach(generation -> TestKafka.await(TestKafka.send(generation.event(), PARTITION)));
            long failingOffset = TestKafka.await(TestKafka.send(failing.event(), PARTITION)).offset();
            after.forEach(generation -> TestKafka.await(TestKafka.send(generation.event(), PARTITION)));

            Process first = start("first");
            // Everything before the failing event is applied, and so are the failing event's record and charge ...
            Awaitility.await()
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> usage(redis, globex) == charge(failing) && usage(redis, acme) == charge(before));
            assertThat(redis.commands().exists("billing:gen:" + failing.id())).isEqualTo(1);
            // ... while the batch is retried, uncommitted, without charging anything twice.
            Awaitility.await()
                    .during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> first.isAlive() && usage(redis, globex) == charge(failing)
                            && usage(redis, acme) == charge(before));
            OffsetAndMetadata committed = TestKafka.committed(group)
                    .get(new TopicPartition(UsageEvents.TOPIC, PARTITION));
            assertThat(committed == null ? 0 : committed.offset()).isLessThanOrEqualTo(failingOffset);

            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(first.isAlive()).isFalse();
            redis.commands().del(poisoned);
            start("second");
            TestKafka.awaitConsumed(group);

            List<TestEvents.Generation> acmes = new ArrayList<>(before);
            acmes.addAll(after);
            assertThat(usage(redis, acme)).isEqualTo(charge(acmes));
            assertThat(usage(redis, globex)).isEqualTo(charge(failing));
            assertThat(redis.commands().hget("billing:{" + acme + "}:key:key-a", "total"))
                    .isEqualTo(Long.toString(charge(acmes)));
            assertThat(requests(redis, acme)).isEqualTo(40);
            assertThat(requests(redis, globex)).isEqualTo(1);
            for (TestEvents.Generation generation : acmes) {
                assertThat(redis.commands().exists("billing:gen:" + generation.id())).isEqualTo(1);
            }
        }
    }

    private static List<TestEvents.Generation> generations(String tenant, int count) {
        List<TestEvents.Generation> generations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            generations.add(TestEvents.generation(tenant).tokens(100 + i, 10 + 3L * i));
        }
        return generations;
    }

    private static long charge(TestEvents.Generation generation) {
        return Nanodollars.fromUsd(generation.cost());
    }

    private static long charge(List<TestEvents.Generation> generations) {
        return generations.stream().mapToLong(ConsumerCrashIT::charge).sum();
    }

    private static long usage(TestRedis redis, String tenant) {
        String usage = redis.commands().hget("billing:{" + tenant + "}:balance", "usage");
        return usage == null ? 0 : Long.parseLong(usage);
    }

    /** The requests counted in the tenant's activity, over all days and rows. */
    private static long requests(TestRedis redis, String tenant) {
        long requests = 0;
        for (String key : redis.keys("billing:{" + tenant + "}:activity:*")) {
            if (key.endsWith(":counted")) {
                continue;
            }
            for (Map.Entry<String, String> field : redis.commands().hgetall(key).entrySet()) {
                if (field.getKey().startsWith("requests:")) {
                    requests += Long.parseLong(field.getValue());
                }
            }
        }
        return requests;
    }

    private Process start(String name) {
        List<String> command = List.of(ChildProcess.javaExecutable(), "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", System.getProperty("billing.jar"), "--server.port=0",
                "--management.server.port=0", "--spring.data.redis.url=" + TestInfrastructure.redis().url() + "/5",
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().bootstrapServers(),
                "--switchboard.billing.consumer.group-id=" + group,
                "--switchboard.billing.consumer.retry-backoff=200ms");
        Path log = Path.of(System.getProperty("billing.it.dir"), "crash-" + name + ".log");
        Process process = ChildProcess.start(command, Map.of("SWITCHBOARD_INTERNAL_SECRET", BillingIT.SECRET), log);
        processes.add(process);
        return process;
    }
}
