package io.switchboard.billing.ingest;

import io.switchboard.usage.UsageEvent;
import reactor.core.publisher.Mono;

/** Applies one usage event's effects. Must be idempotent: an event may be delivered more than once. */
public interface UsageEventHandler {

    Mono<Void> apply(UsageEvent event, byte[] json);
}
