package io.switchboard.billing.settlement;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.billing.ingest.BillableEvent;
import io.switchboard.billing.ingest.UsageEventHandler;
import io.switchboard.ledger.CreditLedger;
import io.switchboard.ledger.Settlement;
import io.switchboard.usage.UsageData;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Charges each generation to its tenant and key through the ledger's settle script: exactly once per generation id,
 * and in the same atomic step it releases the reservation the gateway made under the event's request id. The key's
 * day, week and month are those of the generation's {@code created_at}, so a replay books spend into the same periods.
 */
@Component
@Order(200)
class SettlementHandler implements UsageEventHandler {

    private final CreditLedger ledger;
    private final Counter charged;
    private final Counter duplicates;
    private final Counter settledCost;

    SettlementHandler(CreditLedger ledger, MeterRegistry meters) {
        this.ledger = ledger;
        this.charged = settlements(meters, "charged");
        this.duplicates = settlements(meters, "duplicate");
        this.settledCost = Counter.builder("switchboard.billing.settled.cost")
                .description("Cost charged to tenants' credit (each generation once)")
                .baseUnit("usd")
                .register(meters);
    }

    private static Counter settlements(MeterRegistry meters, String result) {
        return Counter.builder("switchboard.billing.settlements")
                .description("Usage events settled: charged now, or a duplicate of a generation already charged")
                .tag("result", result)
                .register(meters);
    }

    @Override
    public Mono<Void> apply(BillableEvent event) {
        UsageData data = event.data();
        return ledger.settle(new Settlement(data.tenantId(), data.keyId(), data.requestId(), data.generationId(),
                event.charge().nanodollars(), data.createdAt())).doOnNext(chargedNow -> {
                    if (chargedNow) {
                        charged.increment();
                        settledCost.increment(event.charge().cost().doubleValue());
                    } else {
                        duplicates.increment();
                    }
                }).then();
    }
}
