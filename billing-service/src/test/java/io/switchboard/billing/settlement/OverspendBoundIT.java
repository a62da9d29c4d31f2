package io.switchboard.billing.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.billing.BillingIT;
import io.switchboard.billing.TestEvents;
import io.switchboard.billing.TestKafka;
import io.switchboard.ledger.Nanodollars;
import io.switchboard.ledger.Reservation;
import io.switchboard.ledger.ReservationOutcome;
import io.switchboard.ledger.TenantBalance;
import io.switchboard.usage.UsageEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The ledger and billing side of the overspend bound (docs/contracts.md): 50 concurrent requests against credit for 5,
 * reserved at admission as the gateway does, settled from usage events through Kafka as billing does.
 */
class OverspendBoundIT extends BillingIT {

    // A chat request to mistralai/mistral-small-2603 ($0.15 / $0.60 per million) with 200 prompt tokens counted at
    // admission and max_tokens 1000: the gateway reserves 200 × 150 + 1000 × 600 nanodollars.
    private static final long MAX_COST = 630_000;
    private static final long CREDIT = 5 * MAX_COST;

    private final String tenant = TestEvents.newTenant();

    @Test
    void shouldChargeAtMostOneRequestsMaximumCostBeyondTheCreditOfFiftyConcurrentRequests() {
        StepVerifier.create(ledger.topUp(tenant, CREDIT, "credit-for-five")).expectNext(true).verifyComplete();
        List<String> requests = IntStream.range(0, 50).mapToObj(i -> "req-" + UUID.randomUUID()).toList();
        List<String> admitted = new ArrayList<>();

        StepVerifier.create(Flux.fromIterable(requests)
                .flatMap(request -> ledger.reserve(reservation(request)).map(outcome -> Map.entry(request, outcome)),
                        requests.size())
                .filter(decision -> decision.getValue().admitted())
                .map(Map.Entry::getKey)
                .collectList())
                .assertNext(admitted::addAll)
                .verifyComplete();
        assertThat(admitted).hasSize(5);

        // Every admitted request used its whole max_tokens, and the admission count of its prompt was 30 tokens
        // short: each costs 260 × 150 + 1000 × 600 = 639 000, more than it reserved. Each event arrives twice.
        List<UsageEvent> events = new ArrayList<>();
        for (String request : admitted) {
            UsageEvent event = TestEvents.generation(tenant).requestId(request).tokens(260, 1_000).event();
            events.add(event);
            events.add(event);
        }
        TestKafka.publish(events);
        awaitConsumed();

        long charged = 5 * 639_000;
        StepVerifier.create(ledger.balance(tenant))
                .assertNext(balance -> {
                    assertThat(balance).isEqualTo(new TenantBalance(CREDIT, charged, 0));
                    assertThat(balance.usage() - balance.credits()).isPositive().isLessThanOrEqualTo(MAX_COST);
                })
                .verifyComplete();
        get("/api/v1/credits", manager(tenant)).expectBody()
                .jsonPath("$.data.total_usage")
                .isEqualTo(Nanodollars.toUsd(charged).doubleValue());
        StepVerifier.create(ledger.reserve(reservation("req-after")))
                .assertNext(outcome -> assertThat(outcome).isInstanceOf(ReservationOutcome.CreditExhausted.class))
                .verifyComplete();
    }

    @Test
    void shouldNeverChargeMoreThanTheCreditWhenEstimatesHold() {
        StepVerifier.create(ledger.topUp(tenant, CREDIT, "credit-for-five")).expectNext(true).verifyComplete();
        List<String> admitted = new ArrayList<>();
        StepVerifier.create(Flux.range(0, 50)
                .flatMap(i -> {
                    String request = "req-" + UUID.randomUUID();
                    return ledger.reserve(reservation(request))
                            .filter(ReservationOutcome::admitted)
                            .map(outcome -> request);
                }, 50)
                .collectList()).assertNext(admitted::addAll).verifyComplete();
        assertThat(admitted).hasSize(5);

        long[] completions = {1_000, 1_000, 800, 950, 120};
        List<UsageEvent> events = new ArrayList<>();
        for (int i = 0; i < admitted.size(); i++) {
            events.add(TestEvents.generation(tenant).requestId(admitted.get(i)).tokens(200, completions[i]).event());
        }
        TestKafka.publish(events);
        awaitConsumed();

        long charged = 5 * 30_000 + (1_000 + 1_000 + 800 + 950 + 120) * 600;
        StepVerifier.create(ledger.balance(tenant))
                .expectNext(new TenantBalance(CREDIT, charged, 0))
                .verifyComplete();
        assertThat(charged).isLessThanOrEqualTo(CREDIT);
    }

    private Reservation reservation(String request) {
        return new Reservation(tenant, "key-a", request, MAX_COST, null, Instant.now(), Duration.ofMinutes(10));
    }
}
