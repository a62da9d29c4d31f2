package io.switchboard.billing.ingest;

import io.switchboard.billing.BillingIT;
import io.switchboard.billing.TestEvents;
import io.switchboard.billing.TestKafka;
import io.switchboard.ledger.Nanodollars;
import io.switchboard.ledger.TenantBalance;
import io.switchboard.testsupport.infra.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Redis unreachable while usage events arrive: their effects cannot be stored, so nothing is committed (the commands
 * wait for the connection, or time out and the batch is read again) until Redis is back; then each is applied once. (The test Redis keeps no data across a
 * restart, so only what arrives during the outage is checked.)
 */
class RedisOutageIT extends BillingIT {

    private final String tenant = TestEvents.newTenant();

    @Test
    void shouldApplyEventsThatArrivedWhileRedisWasDownOnceItIsBack() {
        List<TestEvents.Generation> generations = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            generations.add(TestEvents.generation(tenant).tokens(100 + i, 20 + i));
        }

        TestInfrastructure.redis().stop();
        try {
            TestKafka.publish(generations.stream().map(TestEvents.Generation::event).toList());
            Map<TopicPartition, Long> ends = TestKafka.endOffsets();
            Awaitility.await()
                    .during(Duration.ofSeconds(5))
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> !TestKafka.consumed(consumer.groupId(), ends));
        } finally {
            TestInfrastructure.redis().start();
        }
        awaitConsumed();

        long charged = generations.stream().mapToLong(generation -> Nanodollars.fromUsd(generation.cost())).sum();
        StepVerifier.create(ledger.balance(tenant)).expectNext(new TenantBalance(0, charged, 0)).verifyComplete();
    }
}
