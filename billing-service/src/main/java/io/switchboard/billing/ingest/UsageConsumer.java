package io.switchboard.billing.ingest;

import io.switchboard.usage.UsageEvent;
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
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Reads usage events and applies them, committing a batch's offsets only after every effect of the batch is stored.
 * A crash before the commit redelivers the batch, which {@link UsageEventHandler}s absorb by being idempotent.
 *
 * <p>{@link KafkaConsumer} is blocking and single-threaded, so every call to it runs on one dedicated thread; the
 * effects themselves run on Reactor/Lettuce threads in between. (reactor-kafka, which did this, is discontinued.)
 */
@Component
public class UsageConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UsageConsumer.class);

    private final KafkaProperties kafka;
    private final ConsumerProperties properties;
    private final List<UsageEventHandler> handlers;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread consumerThread = new Thread(runnable, "usage-consumer");
        consumerThread.setDaemon(true);
        return consumerThread;
    });
    private final Scheduler kafkaThread = Schedulers.fromExecutorService(thread, "usage-consumer");
    private volatile @Nullable KafkaConsumer<String, byte[]> consumer;
    private volatile @Nullable Disposable loop;
    private volatile boolean running;

    public UsageConsumer(KafkaProperties kafka, ConsumerProperties properties, List<UsageEventHandler> handlers) {
        this.kafka = kafka;
        this.properties = properties;
        this.handlers = handlers;
    }

    @Override
    public void start() {
        running = true;
        loop = Mono.fromRunnable(this::subscribe)
                .subscribeOn(kafkaThread)
                .thenMany(Flux.defer(this::pollOnce).repeat(() -> running))
                .subscribe(null, failure -> log.error("Usage consumer stopped", failure));
    }

    private void subscribe() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        KafkaConsumer<String, byte[]> created = new KafkaConsumer<>(config);
        created.subscribe(List.of(UsageEvents.TOPIC));
        consumer = created;
    }

    /** One poll, its effects, then its commit — or, if an effect failed, a rewind so the batch is read again. */
    private Mono<Void> pollOnce() {
        return Mono.fromCallable(this::poll)
                .subscribeOn(kafkaThread)
                .flatMap(records -> Flux.fromIterable(records)
                        .concatMap(this::applyAll)
                        .then(Mono.fromRunnable(this::commit).subscribeOn(kafkaThread))
                        .onErrorResume(failure -> {
                            log.warn("Storing usage events failed, re-reading the batch: {}", failure.toString());
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

    private Mono<Void> applyAll(ConsumerRecord<String, byte[]> record) {
        UsageEvent event;
        try {
            event = UsageEvents.fromJson(record.value());
        } catch (RuntimeException malformed) {
            // A record that is not a usage event can never be applied; holding the partition for it would stop
            // billing for the whole partition. It is logged with its position for manual repair.
            log.error("Skipping malformed record at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), malformed.toString());
            return Mono.empty();
        }
        return Flux.fromIterable(handlers).concatMap(handler -> handler.apply(event, record.value())).then();
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
            if (consumer != null) {
                consumer.close(Duration.ofSeconds(5));
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
