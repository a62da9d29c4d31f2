package io.switchboard.billing.ingest;

import io.switchboard.billing.charge.Charge;
import io.switchboard.usage.UsageData;
import io.switchboard.usage.UsageEvent;

/**
 * A usage event that passed validation, with its charge computed once.
 *
 * @param event the event as parsed
 * @param json the event exactly as received, for the generation record
 * @param charge what the generation is charged
 */
public record BillableEvent(UsageEvent event, byte[] json, Charge charge) {

    public UsageData data() {
        return event.data();
    }
}
