package io.switchboard.billing.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.billing.BillingIT;
import io.switchboard.billing.TestEvents;
import io.switchboard.billing.TestKafka;
import io.switchboard.ledger.Nanodollars;
import io.switchboard.ledger.TenantBalance;
import io.switchboard.testsupport.infra.TestInfrastructure;
import io.switchboard.usage.UsageEvent;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import reactor.test.StepVerifier;

/**
 * Kafka unreachable for 60 seconds while usage events keep being produced (buffered by the producer, as routing-service
 * keeps them) and an operator tries to add credit: billing keeps serving reads, the top-up is refused rather than
 * lost, and once Kafka is back every event before, during and after the outage is applied exactly once.
 */
@TestPropertySource(properties = "switchboard.billing.credits.publish-timeout=3s")
class KafkaOutageIT extends BillingIT {

    private final String tenant = TestEvents.newTenant();
    private final ExecutorService sender = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopSender() {
        sender.shutdownNow();
    }

    @Test
    void shouldApplyEveryEventExactlyOnceAfterKafkaWasDownForAMinute() {
        List<TestEvents.Generation> all = new ArrayList<>();
        topUp("before-outage", "10").expectStatus().isOk();
        List<TestEvents.Generation> before = generations(10, 0);
        all.addAll(before);
        TestKafka.publish(before.stream().map(TestEvents.Generation::event).toList());
        awaitConsumed();
        long chargedBefore = charge(before);
        StepVerifier.create(ledger.balance(tenant))
                .expectNext(new TenantBalance(10_000_000_000L, chargedBefore, 0))
                .verifyComplete();

        List<Future<RecordMetadata>> buffered;
        TestInfrastructure.kafka().stop();
        try {
            List<TestEvents.Generation> during = generations(10, 10);
            all.addAll(during);
            // With every broker gone the client re-bootstraps and send() itself waits for metadata, so a producer that
            // keeps events through an outage sends from a thread of its own, as this one does.
            buffered = during.stream()
                    .map(generation -> sender.submit(() -> TestKafka.await(TestKafka.send(generation.event()))))
                    .toList();
            topUp("during-outage", "5").expectStatus()
                    .isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.error.code")
                    .isEqualTo(503);
            Awaitility.await()
                    .during(Duration.ofSeconds(60))
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> credits().equals("{\"data\":{\"total_credits\":10,\"total_usage\":"
                            + Nanodollars.toUsd(chargedBefore).toPlainString() + "}}"));
            assertThat(buffered).noneMatch(Future::isDone);
        } finally {
            TestInfrastructure.kafka().start();
        }

        buffered.forEach(TestKafka::await);
        List<TestEvents.Generation> after = generations(10, 20);
        all.addAll(after);
        List<UsageEvent> events = new ArrayList<>(after.stream().map(TestEvents.Generation::event).toList());
        // the producer's own retries may deliver some during-outage events twice; billing must absorb that too
        events.add(all.get(12).event());
        TestKafka.publish(events);
        topUp("during-outage", "5").expectStatus().isOk();
        awaitConsumed();

        StepVerifier.create(ledger.balance(tenant))
                .expectNext(new TenantBalance(15_000_000_000L, charge(all), 0))
                .verifyComplete();
        get("/api/v1/activity?date=" + all.getFirst().createdAt().atZone(ZoneOffset.UTC).toLocalDate(),
                manager(tenant)).expectBody().jsonPath("$.data[0].requests").isEqualTo(30);
        for (TestEvents.Generation generation : all) {
            get("/api/v1/generation?id=" + generation.id(), user(tenant)).expectStatus().isOk();
        }
    }

    private List<TestEvents.Generation> generations(int count, int offset) {
        List<TestEvents.Generation> generations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            generations.add(TestEvents.generation(tenant).tokens(200 + offset + i, 40 + 2L * (offset + i)));
        }
        return generations;
    }

    private static long charge(List<TestEvents.Generation> generations) {
        return generations.stream().mapToLong(generation -> Nanodollars.fromUsd(generation.cost())).sum();
    }

    private String credits() {
        byte[] body = get("/api/v1/credits", manager(tenant)).expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBodyContent();
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec topUp(String id, String amount) {
        return post("/api/v1/admin/credits",
                "{\"tenant_id\":\"" + tenant + "\",\"id\":\"" + id + "\",\"amount\":" + amount + "}", operator());
    }
}
