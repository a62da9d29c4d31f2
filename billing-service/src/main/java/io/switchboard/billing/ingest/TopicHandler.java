package io.switchboard.billing.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

/**
 * Applies the records of one topic that billing-service consumes. {@link EventConsumer} commits a record's offset only
 * after the returned {@code Mono} completes, so an implementation must be idempotent: a record is delivered again after
 * a crash before the commit, and may even be applied concurrently by two replicas during a consumer-group rebalance.
 */
public interface TopicHandler {

    /** The topic this handler consumes. */
    String topic();

    /**
     * Applies one record. An error signal means "not stored": the batch is read again after a pause. Throwing (or
     * emitting) {@link RejectedRecordException} means the record can never be applied: it is logged and skipped.
     */
    Mono<Void> apply(ConsumerRecord<String, byte[]> record);
}
