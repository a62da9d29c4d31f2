package io.switchboard.routing.usage;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code switchboard.usage.undelivered} (bytes): usage events journaled and not yet acknowledged by Kafka. Zero in
 * normal operation; growing while Kafka is unreachable, which is worth an alert long before the disk fills.
 */
@Component
class UsageMetrics implements MeterBinder {

    private final DurableUsagePublisher publisher;

    UsageMetrics(DurableUsagePublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("switchboard.usage.undelivered", publisher, DurableUsagePublisher::undeliveredBytes)
                .baseUnit("bytes")
                .description("Usage events journaled and not yet acknowledged by Kafka")
                .register(registry);
    }
}
