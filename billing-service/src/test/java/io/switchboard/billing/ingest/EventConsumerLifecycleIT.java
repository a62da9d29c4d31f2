package io.switchboard.billing.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.billing.BillingIT;
import io.switchboard.billing.TestEvents;
import io.switchboard.billing.TestKafka;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Spring may stop a lifecycle bean and start it again (its test context cache does, for idle contexts). */
class EventConsumerLifecycleIT extends BillingIT {

    @Autowired
    EventConsumer eventConsumer;

    @Test
    void shouldConsumeAgainAfterBeingStoppedAndStarted() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        eventConsumer.stop(stopped::countDown);
        assertThat(stopped.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(eventConsumer.isRunning()).isFalse();

        eventConsumer.start();
        String tenant = TestEvents.newTenant();
        TestEvents.Generation generation = TestEvents.generation(tenant);
        TestKafka.publish(generation.event());
        awaitConsumed();

        assertThat(eventConsumer.isRunning()).isTrue();
        get("/api/v1/generation?id=" + generation.id(), user(tenant)).expectStatus().isOk();
    }
}
