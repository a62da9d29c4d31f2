package io.switchboard.billing.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.billing.charge.Charge;
import io.switchboard.usage.UsageData;
import io.switchboard.usage.UsageEvent;
import io.switchboard.usage.UsageEvents;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code switchboard.usage.v1}: validates each event once, computes its {@link Charge}, then runs every
 * {@link UsageEventHandler} in order. An event is either applied by all handlers or rejected before any of them runs.
 */
@Component
class UsageTopic implements TopicHandler {

    private static final Logger log = LoggerFactory.getLogger(UsageTopic.class);

    private final List<UsageEventHandler> handlers;
    private final MeterRegistry meters;

    UsageTopic(List<UsageEventHandler> handlers, MeterRegistry meters) {
        this.handlers = List.copyOf(handlers);
        this.meters = meters;
    }

    @Override
    public String topic() {
        return UsageEvents.TOPIC;
    }

    @Override
    public Mono<Void> apply(ConsumerRecord<String, byte[]> record) {
        BillableEvent billable = validate(record.value());
        if (!billable.charge().agreesWithEvent()) {
            log.warn("Usage event {} reports cost {} but its price snapshot gives {}; charging {}",
                    billable.event().id(),
                    billable.charge().reported().toPlainString(), billable.charge().cost().toPlainString(),
                    billable.charge().cost().toPlainString());
            meters.counter("switchboard.billing.cost.disagreements").increment();
        }
        return Flux.fromIterable(handlers).concatMap(handler -> handler.apply(billable)).then();
    }

    /** The event, or {@link RejectedRecordException} if it can never be billed. */
    static BillableEvent validate(byte @Nullable [] json) {
        if (json == null) {
            throw new RejectedRecordException("malformed", "empty record");
        }
        UsageEvent event;
        try {
            event = UsageEvents.fromJson(json);
        } catch (RuntimeException malformed) {
            throw new RejectedRecordException("malformed", "not a usage event: " + malformed.getMessage());
        }
        if (!UsageEvent.TYPE.equals(event.type()) || !UsageEvent.SPEC_VERSION.equals(event.specversion())) {
            throw new RejectedRecordException("invalid",
                    "unexpected type " + event.type() + " or specversion " + event.specversion());
        }
        UsageData data = event.data();
        if (data == null) {
            throw new RejectedRecordException("invalid", "no data");
        }
        require(data.generationId(), "data.generation_id");
        require(data.tenantId(), "data.tenant_id");
        require(data.keyId(), "data.key_id");
        require(data.requestId(), "data.request_id");
        require(data.servedModel(), "data.served_model");
        require(data.endpointId(), "data.endpoint_id");
        require(data.providerName(), "data.provider_name");
        if (!data.generationId().equals(event.id())) {
            throw new RejectedRecordException("invalid", "id " + event.id() + " is not data.generation_id");
        }
        if (!data.tenantId().equals(event.subject())) {
            throw new RejectedRecordException("invalid", "subject " + event.subject() + " is not data.tenant_id");
        }
        // The ledger's keys carry the tenant as a Redis Cluster hash tag and its reservations use '|' as separator.
        if (data.tenantId().indexOf('{') >= 0 || data.tenantId().indexOf('}') >= 0 || data.keyId().indexOf('|') >= 0) {
            throw new RejectedRecordException("invalid", "tenant or key id with a reserved character");
        }
        if (data.createdAt() == null) {
            throw new RejectedRecordException("invalid", "no data.created_at");
        }
        Charge charge;
        try {
            charge = Charge.of(data);
        } catch (RuntimeException unpriceable) {
            throw new RejectedRecordException("invalid", "cannot be priced: " + unpriceable);
        }
        return new BillableEvent(event, json, charge);
    }

    private static void require(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new RejectedRecordException("invalid", field + " is missing");
        }
    }
}
