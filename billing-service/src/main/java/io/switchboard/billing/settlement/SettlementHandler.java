package io.switchboard.billing.settlement;

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

    SettlementHandler(CreditLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Mono<Void> apply(BillableEvent event) {
        UsageData data = event.data();
        return ledger.settle(new Settlement(data.tenantId(), data.keyId(), data.requestId(), data.generationId(),
                event.charge().nanodollars(), data.createdAt())).then();
    }
}
