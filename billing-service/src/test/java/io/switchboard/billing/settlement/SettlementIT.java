package io.switchboard.billing.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.billing.BillingIT;
import io.switchboard.billing.TestEvents;
import io.switchboard.billing.TestKafka;
import io.switchboard.ledger.KeySpend;
import io.switchboard.ledger.Reservation;
import io.switchboard.ledger.ReservationOutcome;
import io.switchboard.ledger.TenantBalance;
import io.switchboard.usage.Outcome;
import io.switchboard.usage.TokenUsage;
import io.switchboard.usage.UsageEvents;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Usage events charged to the ledger through real Kafka and Redis: once each, whatever arrives how often. */
class SettlementIT extends BillingIT {

    private final String tenant = TestEvents.newTenant();

    @Test
    void shouldChargeCountAndRecordAGenerationOnceHoweverOftenItIsDelivered() {
        TestEvents.Generation generation = TestEvents.generation(tenant).tokens(1_000, 500);
        TestEvents.Generation other = TestEvents.generation(tenant).tokens(10, 10);
        TestKafka.publish(List.of(generation.event(), generation.event(), other.event(), generation.event(),
                // the same generation id again with different figures: the first delivery stands
                generation.tokens(5_000, 5_000).outcome(Outcome.CANCELLED).event()));
        awaitConsumed();

        long expected = 450_000 + 7_500;
        StepVerifier.create(ledger.balance(tenant)).expectNext(new TenantBalance(0, expected, 0)).verifyComplete();
        StepVerifier.create(ledger.keySpend(tenant, "key-a", generation.createdAt()))
                .expectNext(new KeySpend(expected, expected, expected, expected, 0))
                .verifyComplete();
        get("/api/v1/activity?date=" + day(generation.createdAt()), manager(tenant)).expectBody()
                .jsonPath("$.data[0].requests")
                .isEqualTo(2)
                .jsonPath("$.data[0].prompt_tokens")
                .isEqualTo(1_010);
        get("/api/v1/generation?id=" + generation.id(), user(tenant)).expectBody()
                .jsonPath("$.data.tokens_prompt")
                .isEqualTo(1_000)
                .jsonPath("$.data.cancelled")
                .isEqualTo(false);
    }

    @Test
    void shouldReleaseTheRequestsReservationWhenChargingIt() {
        StepVerifier.create(ledger.topUp(tenant, 1_000_000, "seed")).expectNext(true).verifyComplete();
        TestEvents.Generation generation = TestEvents.generation(tenant).tokens(1_000, 500);
        StepVerifier.create(ledger.reserve(new Reservation(tenant, "key-a", generation.requestId(), 630_000, null,
                Instant.now(), Duration.ofMinutes(10))))
                .assertNext(outcome -> assertThat(outcome).isInstanceOf(ReservationOutcome.Reserved.class))
                .verifyComplete();

        TestKafka.publish(generation.event());
        awaitConsumed();

        StepVerifier.create(ledger.balance(tenant))
                .expectNext(new TenantBalance(1_000_000, 450_000, 0))
                .verifyComplete();
        StepVerifier.create(ledger.keySpend(tenant, "key-a", generation.createdAt()).map(KeySpend::reserved))
                .expectNext(0L)
                .verifyComplete();
    }

    @Test
    void shouldChargeThePriceSnapshotWhenTheEventsCostDisagrees() {
        TestEvents.Generation generation = TestEvents.generation(tenant)
                .tokens(1_000, 500)
                .reportedCost(new BigDecimal("0.9"));

        TestKafka.publish(generation.event());
        awaitConsumed();

        StepVerifier.create(ledger.balance(tenant).map(TenantBalance::usage)).expectNext(450_000L).verifyComplete();
        get("/api/v1/generation?id=" + generation.id(), user(tenant)).expectBody()
                .jsonPath("$.data.total_cost")
                .isEqualTo(0.00045);
    }

    @Test
    void shouldChargeAStreamedAndANonStreamedGenerationOfTheSameTokensTheSame() {
        TestEvents.Generation streamed = TestEvents.generation(tenant).streamed(true).key("streaming");
        TestEvents.Generation whole = TestEvents.generation(tenant).streamed(false).key("whole");
        TokenUsage usage = new TokenUsage(1_234, 567, 200, 0, 100, 1, false);

        TestKafka.publish(List.of(streamed.usage(usage).event(), whole.usage(usage).event()));
        awaitConsumed();

        // 1034 × 0.15 + 200 × 0.15 (no cache price) + 467 × 0.6 + 100 × 0.6 (no reasoning price) per million, and
        // the image costs nothing without an image price
        long expected = 525_300;
        StepVerifier.create(ledger.keySpend(tenant, "streaming", streamed.createdAt()).map(KeySpend::total))
                .expectNext(expected)
                .verifyComplete();
        StepVerifier.create(ledger.keySpend(tenant, "whole", whole.createdAt()).map(KeySpend::total))
                .expectNext(expected)
                .verifyComplete();
    }

    @Test
    void shouldBookAKeysSpendIntoTheDayWeekAndMonthOfTheGeneration() {
        Instant lastMonth = LocalDate.now(ZoneOffset.UTC)
                .withDayOfMonth(1)
                .minusDays(1)
                .atTime(12, 0)
                .toInstant(ZoneOffset.UTC);
        TestEvents.Generation old = TestEvents.generation(tenant).tokens(1_000, 500).at(lastMonth);

        TestKafka.publish(old.event());
        awaitConsumed();

        StepVerifier.create(ledger.keySpend(tenant, "key-a", lastMonth))
                .expectNext(new KeySpend(450_000, 450_000, 450_000, 450_000, 0))
                .verifyComplete();
        StepVerifier.create(ledger.keySpend(tenant, "key-a", Instant.now()).map(KeySpend::month))
                .expectNext(0L)
                .verifyComplete();
    }

    @Test
    void shouldSkipAnEventThatCannotBeBilledAndChargeTheNext() {
        TestEvents.Generation braces = TestEvents.generation("{" + tenant + "}");
        TestKafka.publishRaw(UsageEvents.TOPIC, tenant,
                new String(UsageEvents.toJson(braces.event()), StandardCharsets.UTF_8)
                        .getBytes(StandardCharsets.UTF_8));
        TestEvents.Generation next = TestEvents.generation(tenant).tokens(1_000, 500);
        TestKafka.publish(next.event());
        awaitConsumed();

        StepVerifier.create(ledger.balance(tenant).map(TenantBalance::usage)).expectNext(450_000L).verifyComplete();
    }

    private static String day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
