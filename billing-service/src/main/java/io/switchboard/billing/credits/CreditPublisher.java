package io.switchboard.billing.credits;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Records top-ups on {@code switchboard.credits.v1} with an idempotent producer ({@code acks=all}), keyed by tenant.
 * The returned {@code Mono} completes when the broker acknowledged the event, so a caller told "recorded" can rely on
 * it surviving any crash. {@link KafkaProducer#send} can block (metadata, full buffer), so it runs on one dedicated
 * thread, never on an event loop. The producer gives up on a record after the publish timeout: the API has answered
 * 503 by then, and the operator retries with the same id.
 */
@Component
class CreditPublisher implements DisposableBean {

    private static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private final KafkaProducer<String, byte[]> producer;
    private final Duration timeout;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "credit-publisher");
        thread.setDaemon(true);
        return thread;
    });

    CreditPublisher(KafkaProperties kafka, CreditsProperties properties) {
        this.timeout = properties.publishTimeout();
        int timeoutMs = (int) timeout.toMillis();
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "billing-service-credits");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(config);
    }

    Mono<Void> publish(CreditEvent event) {
        byte[] json = CreditEvents.toJson(event);
        return Mono.<Void>create(sink -> sender.execute(() -> {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(CreditEvents.TOPIC, event.subject(), json);
            record.headers().add("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            try {
                producer.send(record, (metadata, failure) -> {
                    if (failure == null) {
                        sink.success();
                    } else {
                        sink.error(failure);
                    }
                });
            } catch (RuntimeException failure) {
                sink.error(failure);
            }
        })).timeout(timeout.plusSeconds(5));
    }

    @Override
    public void destroy() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        producer.close(Duration.ofSeconds(10));
    }
}
