package io.switchboard.routing.usage;

import io.switchboard.usage.UsageEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * The Kafka producer of usage events: idempotent with {@code acks=all}, as ARCHITECTURE.md requires, so the
 * producer's own retries never duplicate or reorder an event within a partition. Records carry the CloudEvents
 * content type header (Kafka protocol binding, structured mode).
 */
final class KafkaUsageProducer implements AutoCloseable {

    private final Producer<String, byte[]> producer;

    KafkaUsageProducer(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    static KafkaUsageProducer create(KafkaProperties kafka, UsageProperties usage) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "routing-service-usage");
        long delivery = usage.deliveryTimeout().toMillis();
        long linger = ((Number) config.get(ProducerConfig.LINGER_MS_CONFIG)).longValue();
        // delivery.timeout.ms must cover linger.ms + request.timeout.ms (producer configuration docs).
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) Math.max(1, Math.min(30_000, (delivery - linger) / 2)));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, usage.maxBlock().toMillis());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaUsageProducer(new KafkaProducer<>(config));
    }

    /** Hands the record to the producer; may wait up to {@code max-block} for metadata (spool thread only). */
    void send(String key, byte[] value, Map<String, String> headers, Callback callback) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(UsageEvents.TOPIC, key, value);
        record.headers()
                .add(UsageEvents.CONTENT_TYPE_HEADER, UsageEvents.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        producer.send(record, callback);
    }

    void close(Duration timeout) {
        producer.close(timeout);
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }
}
