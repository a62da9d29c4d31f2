package io.switchboard.routing.usage;

import io.switchboard.usage.UsageEvent;
import io.switchboard.usage.UsageEvents;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Publishes usage events to {@code switchboard.usage.v1} with an idempotent producer ({@code acks=all}), keyed by
 * tenant. {@link KafkaProducer#send} can block (metadata, full buffer), so sends run on one dedicated thread, never on
 * an event loop; the request has already been answered by then.
 */
@Component
public class KafkaUsagePublisher implements UsagePublisher, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaUsagePublisher.class);

    private final KafkaProducer<String, byte[]> producer;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "usage-publisher");
        thread.setDaemon(true);
        return thread;
    });

    public KafkaUsagePublisher(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "routing-service-usage");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(config);
    }

    @Override
    public void publish(UsageEvent event) {
        byte[] json = UsageEvents.toJson(event);
        sender.execute(() -> {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(UsageEvents.TOPIC, event.subject(), json);
            record.headers()
                    .add(UsageEvents.CONTENT_TYPE_HEADER,
                            UsageEvents.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            try {
                producer.send(record, (metadata, failure) -> {
                    if (failure != null) {
                        log.error("Usage event {} was not delivered: {}", event.id(), failure.toString());
                    }
                });
            } catch (RuntimeException failure) {
                log.error("Usage event {} could not be queued: {}", event.id(), failure.toString());
            }
        });
    }

    @Override
    public void destroy() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(10, TimeUnit.SECONDS);
        producer.close(java.time.Duration.ofSeconds(10));
    }
}
