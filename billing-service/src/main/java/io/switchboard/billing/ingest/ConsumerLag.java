package io.switchboard.billing.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code switchboard.billing.consumer.lag} (records) per topic and partition: how far this replica's consumer is
 * behind the end of each partition it owns, so an operator sees billing falling behind (or stopped) before credit
 * balances go stale. Taken from the consumer's own position and the end offsets its fetches report
 * ({@link Consumer#currentLag}), on the consumer thread after each poll: no extra call to the broker. A partition
 * that moves to another replica disappears from this replica's series.
 */
final class ConsumerLag {

    private final MultiGauge gauge;
    private final Map<TopicPartition, AtomicLong> lags = new ConcurrentHashMap<>();

    ConsumerLag(MeterRegistry registry) {
        this.gauge = MultiGauge.builder("switchboard.billing.consumer.lag")
                .description("Records not yet consumed, per owned topic partition")
                .baseUnit("records")
                .register(registry);
    }

    /** Reads the lags the consumer knows; on its own thread, like every call to it. */
    void update(Consumer<?, ?> consumer) {
        Map<TopicPartition, Long> known = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            consumer.currentLag(partition).ifPresent(lag -> known.put(partition, lag));
        }
        boolean partitionsChanged = !known.keySet().equals(lags.keySet());
        lags.keySet().retainAll(known.keySet());
        known.forEach((partition, lag) -> lags.computeIfAbsent(partition, p -> new AtomicLong()).set(lag));
        if (partitionsChanged) {
            register();
        }
    }

    /** The consumer closed: it owns no partition any more. */
    void clear() {
        lags.clear();
        register();
    }

    private void register() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        lags.forEach((partition, lag) -> rows.add(MultiGauge.Row.of(
                Tags.of("topic", partition.topic(), "partition", Integer.toString(partition.partition())), lag,
                AtomicLong::get)));
        gauge.register(rows, true);
    }
}
