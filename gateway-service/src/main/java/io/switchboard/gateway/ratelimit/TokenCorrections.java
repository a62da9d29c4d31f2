package io.switchboard.gateway.ratelimit;

import io.switchboard.usage.UsageEvents;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Corrects tokens-per-minute estimates by the real usage: reads {@code switchboard.usage.v1} in its own consumer
 * group and, for every generation, gives back to (or takes from) the key's token bucket the difference between the
 * request's estimate and its prompt plus completion tokens, found by the request id the event carries. A correction
 * applies at most once (the estimate is removed with it), so redelivered events change nothing; offsets are
 * committed after a batch's corrections are stored.
 *
 * <p>{@link KafkaConsumer} is blocking and single-threaded, so every call to it runs on one dedicated thread.
 */
@Component
@ConditionalOnProperty(prefix = "switchboard.gateway.token-correction", name = "enabled", matchIfMissing = true)
public class TokenCorrections implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TokenCorrections.class);

    private final KafkaProperties kafka;
    private final TokenCorrectionProperties properties;
    private final KeyRateLimiter limiter;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread consumerThread = new Thread(runnable, "token-corrections");
        consumerThread.setDaemon(true);
        return consumerThread;
    });
    private final Scheduler kafkaThread = Schedulers.fromExecutorService(thread, "token-corrections");
    private volatile @Nullable KafkaConsumer<String, byte[]> consumer;
    private volatile @Nullable Disposable loop;
    private volatile boolean running;

    public TokenCorrections(KafkaProperties kafka, TokenCorrectionProperties properties, KeyRateLimiter limiter) {
        this.kafka = kafka;
        this.properties = properties;
        this.limiter = limiter;
    }

    @Override
    public void start() {
        running = true;
        loop = Mono.fromRunnable(this::subscribe)
                .subscribeOn(kafkaThread)
                .thenMany(Flux.defer(this::pollOnce).repeat(() -> running))
                .subscribe(null, failure -> log.error("Token corrections stopped", failure));
    }

    private void subscribe() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group starts at the end: estimates older than their TTL have nothing left to correct.
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        KafkaConsumer<String, byte[]> created = new KafkaConsumer<>(config);
        created.subscribe(List.of(UsageEvents.TOPIC));
        consumer = created;
    }

    private Mono<Void> pollOnce() {
        return Mono.fromCallable(this::poll)
                .subscribeOn(kafkaThread)
                .flatMap(records -> Flux.fromIterable(records)
                        .concatMap(this::correct)
                        .then(Mono.fromRunnable(this::commit).subscribeOn(kafkaThread))
                        .onErrorResume(failure -> {
                            log.warn("Storing token corrections failed, re-reading the batch: {}", failure.toString());
                            return Mono.fromRunnable(() -> rewind(records))
                                    .subscribeOn(kafkaThread)
                                    .then(Mono.delay(properties.retryBackoff()))
                                    .then();
                        }))
                .onErrorResume(WakeupException.class, stopping -> Mono.empty())
                .then();
    }

    private ConsumerRecords<String, byte[]> poll() {
        KafkaConsumer<String, byte[]> current = consumer;
        return current == null || !running ? ConsumerRecords.empty() : current.poll(properties.pollTimeout());
    }

    private Mono<Void> correct(ConsumerRecord<String, byte[]> record) {
        UsageTokens usage;
        try {
            usage = UsageTokens.read(record.value());
        } catch (RuntimeException malformed) {
            // Not a usage event: nothing to correct, and holding the partition for it would stop all corrections.
            log.warn("Skipping malformed record at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), malformed.toString());
            return Mono.empty();
        }
        return limiter.correct(usage.keyId(), usage.requestId(), usage.totalTokens()).then();
    }

    private void commit() {
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.commitSync();
        }
    }

    private void rewind(ConsumerRecords<String, byte[]> records) {
        KafkaConsumer<String, byte[]> current = consumer;
        if (current == null) {
            return;
        }
        for (TopicPartition partition : records.partitions()) {
            current.seek(partition, records.records(partition).getFirst().offset());
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Disposable currentLoop = loop;
        thread.execute(() -> {
            KafkaConsumer<String, byte[]> closing = consumer;
            if (closing != null) {
                closing.close(Duration.ofSeconds(5));
                consumer = null;
            }
        });
        thread.shutdown();
        if (currentLoop != null) {
            currentLoop.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
