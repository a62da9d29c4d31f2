package io.switchboard.billing.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.billing.TestEvents;
import io.switchboard.usage.PriceSnapshot;
import io.switchboard.usage.UsageEvent;
import io.switchboard.usage.UsageEvents;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UsageTopicTest {

    @Test
    void shouldAcceptAUsageEventAndComputeItsCharge() {
        TestEvents.Generation generation = TestEvents.generation("acme").tokens(1_000, 500);

        BillableEvent billable = UsageTopic.validate(UsageEvents.toJson(generation.event()));

        assertThat(billable.event()).isEqualTo(generation.event());
        assertThat(billable.charge().nanodollars()).isEqualTo(450_000);
    }

    @Test
    void shouldRejectARecordThatIsNotJson() {
        assertThatThrownBy(() -> UsageTopic.validate("{oops".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RejectedRecordException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo("malformed"));
    }

    @Test
    void shouldRejectATenantThatWouldBreakTheLedgersHashTag() {
        UsageEvent event = TestEvents.generation("ac{me}").event();

        assertThatThrownBy(() -> UsageTopic.validate(UsageEvents.toJson(event)))
                .isInstanceOf(RejectedRecordException.class);
    }

    @Test
    void shouldRejectAnEventWhoseIdIsNotItsGenerationId() {
        UsageEvent event = TestEvents.generation("acme").event();
        UsageEvent mismatched = new UsageEvent(event.specversion(), "gen-other", event.source(), event.type(),
                event.subject(), event.time(), event.datacontenttype(), event.dataschema(), event.data());

        assertThatThrownBy(() -> UsageTopic.validate(UsageEvents.toJson(mismatched)))
                .isInstanceOf(RejectedRecordException.class);
    }

    @Test
    void shouldRejectAnEventOfAnotherType() {
        UsageEvent event = TestEvents.generation("acme").event();
        UsageEvent other = new UsageEvent(event.specversion(), event.id(), event.source(), "io.switchboard.other",
                event.subject(), event.time(), event.datacontenttype(), event.dataschema(), event.data());

        assertThatThrownBy(() -> UsageTopic.validate(UsageEvents.toJson(other)))
                .isInstanceOf(RejectedRecordException.class);
    }

    @Test
    void shouldRejectAnEventThatCannotBePriced() {
        String json = new String(UsageEvents.toJson(TestEvents.generation("acme").event()), StandardCharsets.UTF_8)
                .replace("\"prompt\":\"0.00000015\"", "\"prompt\":null");

        assertThatThrownBy(() -> UsageTopic.validate(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedRecordException.class);
    }

    @Test
    void shouldRejectAPriceSnapshotThatYieldsANegativeCost() {
        UsageEvent event = TestEvents.generation("acme")
                .served("m", "p:m", "P", PriceSnapshot.perToken("-0.000001", "0"))
                .event();

        assertThatThrownBy(() -> UsageTopic.validate(UsageEvents.toJson(event)))
                .isInstanceOf(RejectedRecordException.class);
    }
}
