package io.switchboard.billing.ingest;

import reactor.core.publisher.Mono;

/**
 * Applies one effect of a usage event (the generation record, the ledger charge, the activity count). Handlers run in
 * {@link org.springframework.core.annotation.Order} for each event, and the event's offset is committed only after all
 * of them completed. Each must be idempotent on its own, atomically: an event may be delivered again after a crash
 * between two handlers, or applied by two replicas at once during a rebalance.
 */
public interface UsageEventHandler {

    Mono<Void> apply(BillableEvent event);
}
