package io.switchboard.billing.credits;

import io.switchboard.billing.ingest.RejectedRecordException;
import io.switchboard.billing.ingest.TopicHandler;
import io.switchboard.ledger.CreditLedger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code switchboard.credits.v1}: adds each top-up to the ledger once per tenant and top-up id (the ledger's top-up
 * marker), so redeliveries and replays add nothing twice. The topic is the only way credit reaches the ledger.
 */
@Component
class CreditTopic implements TopicHandler {

    private final CreditLedger ledger;

    CreditTopic(CreditLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public String topic() {
        return CreditEvents.TOPIC;
    }

    @Override
    public Mono<Void> apply(ConsumerRecord<String, byte[]> record) {
        TopUp topUp = validate(record.value());
        return ledger.topUp(topUp.tenantId(), topUp.nanodollars(), topUp.id()).then();
    }

    static TopUp validate(byte[] json) {
        CreditEvent event;
        try {
            event = CreditEvents.fromJson(json);
        } catch (RuntimeException malformed) {
            throw new RejectedRecordException("malformed", "not a credit event: " + malformed.getMessage());
        }
        if (!CreditEvent.TYPE.equals(event.type()) || event.data() == null) {
            throw new RejectedRecordException("invalid", "unexpected type " + event.type() + " or no data");
        }
        CreditData data = event.data();
        if (data.tenantId() == null || !data.tenantId().equals(event.subject())) {
            throw new RejectedRecordException("invalid", "subject " + event.subject() + " is not data.tenant_id");
        }
        try {
            // No upper bound here: the API applied the operator's limit when the event was recorded, and a limit
            // lowered since must not make an accepted top-up unreplayable.
            return TopUp.of(data.tenantId(), data.topUpId(), data.amount(), data.description(), null);
        } catch (IllegalArgumentException invalid) {
            throw new RejectedRecordException("invalid", invalid.getMessage());
        }
    }
}
