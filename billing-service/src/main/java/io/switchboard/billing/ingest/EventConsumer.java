package io.switchboard.billing.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.switchboard.kit.tracing.TraceHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Reads billing's topics and applies each record through its topic's {@link TopicHandler}, committing a batch's
 * offsets only after every effect of the batch is stored. A crash before the commit redelivers the batch, which the
 * handlers absorb by being idempotent; a batch whose effects fail (Redis down) is rewound and read again, so nothing
 * is skipped and the partition's order is kept. The loop never ends on its own: poll, commit and storage failures are
 * retried after {@link ConsumerProperties#retryBackoff()}, so a Kafka or Redis outage pauses billing, never stops it.
 *
 * <p>{@link KafkaConsumer} is blocking and single-threaded, so every call to it runs on one dedicated thread; the
 * effects run on Lettuce threads in between. Each record and anything that logs also starts on that thread, never on
 * an event loop. (reactor-kafka, which did this, is discontinued.) Every {@link #start()} begins a new {@link Run}
 * with its own thread and consumer, so the bean can be stopped and started again, as Spring's lifecycle allows.
 */
@Component
public class EventConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final KafkaProperties kafka;
    private final ConsumerProperties properties;
    private final Map<String, TopicHandler> handlers;
    private final MeterRegistry meters;
    private final ConsumerLag lag;
    private final TraceHeaders traces;
    private volatile @Nullable Run current;

    public EventConsumer(KafkaProperties kafka, ConsumerProperties properties, List<TopicHandler> handlers,
            MeterRegistry meters, TraceHeaders traces) {
        Map<String, TopicHandler> byTopic = new LinkedHashMap<>();
        for (TopicHandler handler : handlers) {
            if (byTopic.put(handler.topic(), handler) != null) {
                throw new IllegalStateException("Two handlers for topic " + handler.topic());
            }
        }
        this.kafka = kafka;
        this.properties = properties;
        this.handlers = Map.copyOf(byTopic);
        this.meters = meters;
        this.lag = new ConsumerLag(meters);
        this.traces = traces;
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        Run run = new Run();
        current = run;
        run.start();
    }

    /**
     * Stops after the batch in flight: its effects finish and its offsets are committed (or, if they fail, it is read
     * again by whoever owns the partition next), then the consumer leaves the group and {@code callback} runs.
     */
    @Override
    public synchronized void stop(Runnable callback) {
        Run run = current;
        current = null;
        if (run == null) {
            callback.run();
        } else {
            run.stop(callback);
        }
    }

    @Override
    public void stop() {
        stop(() -> {
        });
    }

    @Override
    public boolean isRunning() {
        Run run = current;
        return run != null && run.running;
    }

    private Counter counter(String topic, String outcome) {
        return meters.counter("switchboard.billing.records", "topic", topic, "outcome", outcome);
    }

    /** One life of the consumer, from {@link #start()} to {@link #stop(Runnable)}: a thread and a Kafka consumer. */
    private final class Run {

        private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread consumerThread = new Thread(runnable, "billing-consumer");
            consumerThread.setDaemon(true);
            return consumerThread;
        });
        private final Scheduler kafkaThread = Schedulers.fromExecutorService(thread, "billing-consumer");
        private final AtomicReference<@Nullable Runnable> onStopped = new AtomicReference<>();
        private volatile @Nullable KafkaConsumer<String, byte[]> consumer;
        private volatile boolean running = true;
        private volatile boolean terminated;

        void start() {
            Flux.defer(this::pollOnce)
                    .repeat(() -> running)
                    .subscribeOn(kafkaThread)
                    .doFinally(signal -> thread.execute(this::close))
                    .subscribe(null, failure -> log.error("Billing consumer loop ended", failure));
        }

        void stop(Runnable callback) {
            onStopped.set(callback);
            running = false;
            KafkaConsumer<String, byte[]> open = consumer;
            if (open != null) {
                open.wakeup();
            }
            if (terminated) {
                runStopCallback();
            }
        }

        /** One poll, its effects, then its commit; any failure pauses and lets the next round read again. */
        private Mono<Void> pollOnce() {
            return Mono.fromCallable(this::poll)
                    .subscribeOn(kafkaThread)
                    .flatMap(this::applyBatch)
                    .onErrorResume(WakeupException.class, stopping -> Mono.empty())
                    .onErrorResume(failure -> Mono.<Void>fromRunnable(() -> log.warn(
                            "Reading billing events failed, trying again in {}: {}", properties.retryBackoff(),
                            failure.toString()))
                            .subscribeOn(kafkaThread)
                            .then(Mono.delay(properties.retryBackoff()))
                            .then());
        }

        private ConsumerRecords<String, byte[]> poll() {
            if (!running) {
                return ConsumerRecords.empty();
            }
            KafkaConsumer<String, byte[]> open = consumer;
            if (open == null) {
                open = create();
                consumer = open;
            }
            ConsumerRecords<String, byte[]> records = open.poll(properties.pollTimeout());
            lag.update(open);
            return records;
        }

        private KafkaConsumer<String, byte[]> create() {
            Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
            config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            // A new group starts at the beginning: billing must see every event ever produced; replays rely on it.
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxPollRecords());
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            KafkaConsumer<String, byte[]> created = new KafkaConsumer<>(config);
            created.subscribe(List.copyOf(handlers.keySet()));
            return created;
        }

        private Mono<Void> applyBatch(ConsumerRecords<String, byte[]> records) {
            if (records.isEmpty()) {
                return Mono.empty();
            }
            Map<TopicPartition, OffsetAndMetadata> next = nextOffsets(records);
            return Flux.fromIterable(records)
                    .concatMap(record -> Mono.defer(() -> apply(record)).subscribeOn(kafkaThread))
                    .timeout(properties.batchTimeout())
                    .then(Mono.<Void>fromRunnable(() -> commit(next)).subscribeOn(kafkaThread))
                    .onErrorResume(failure -> Mono.<Void>fromRunnable(() -> {
                        log.warn("Storing {} billing record(s) failed, reading them again in {}: {}",
                                records.count(), properties.retryBackoff(), failure.toString());
                        meters.counter("switchboard.billing.batches.retried").increment();
                        rewind(records);
                    }).subscribeOn(kafkaThread).then(Mono.delay(properties.retryBackoff())).then());
        }

        /**
         * Applies one record under a consumer span ({@code process <topic>}) that continues the trace of its
         * {@code traceparent} header (routing-service sends its request's), or starts one when it has none.
         */
        private Mono<Void> apply(ConsumerRecord<String, byte[]> record) {
            TopicHandler handler = handlers.get(record.topic());
            if (handler == null) {
                return Mono.empty();
            }
            Span span = traces.continueFrom("process " + record.topic(), Span.Kind.CONSUMER, name -> {
                Header header = record.headers().lastHeader(name);
                return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
            })
                    .tag("messaging.system", "kafka")
                    .tag("messaging.operation.type", "process")
                    .tag("messaging.destination.name", record.topic())
                    .tag("messaging.destination.partition.id", Integer.toString(record.partition()))
                    .tag("messaging.kafka.offset", Long.toString(record.offset()));
            return Mono.defer(() -> apply(record, handler)).doOnError(span::error).doFinally(signal -> span.end());
        }

        private Mono<Void> apply(ConsumerRecord<String, byte[]> record, TopicHandler handler) {
            Mono<Void> effects;
            try {
                effects = handler.apply(record);
            } catch (RejectedRecordException rejected) {
                reject(record, rejected);
                return Mono.empty();
            }
            return effects.then(Mono.<Void>fromRunnable(() -> counter(record.topic(), "applied").increment()))
                    .onErrorResume(RejectedRecordException.class,
                            rejected -> Mono.<Void>fromRunnable(() -> reject(record, rejected))
                                    .subscribeOn(kafkaThread));
        }

        private void reject(ConsumerRecord<String, byte[]> record, RejectedRecordException rejected) {
            log.error("Skipping {} record {}-{}@{} (key {}): {}", rejected.reason(), record.topic(),
                    record.partition(), record.offset(), record.key(), rejected.getMessage());
            counter(record.topic(), "rejected").increment();
        }

        private void commit(Map<TopicPartition, OffsetAndMetadata> next) {
            KafkaConsumer<String, byte[]> open = consumer;
            if (open == null) {
                throw new IllegalStateException("the consumer is closed");
            }
            try {
                open.commitSync(next);
            } catch (WakeupException stopping) {
                // stop() woke the consumer while this batch's effects were being stored; the effects are done, so
                // the commit is still owed (the wake-up is consumed by the exception, the retry is not interrupted).
                open.commitSync(next);
            }
        }

        /** Seeks back to the batch's first records on the partitions still owned (the others were revoked). */
        private void rewind(ConsumerRecords<String, byte[]> records) {
            KafkaConsumer<String, byte[]> open = consumer;
            if (open == null) {
                return;
            }
            Set<TopicPartition> assigned = open.assignment();
            for (TopicPartition partition : records.partitions()) {
                if (assigned.contains(partition)) {
                    open.seek(partition, records.records(partition).getFirst().offset());
                }
            }
        }

        private void close() {
            KafkaConsumer<String, byte[]> open = consumer;
            consumer = null;
            try {
                if (open != null) {
                    open.close(Duration.ofSeconds(5));
                }
            } catch (RuntimeException failure) {
                log.warn("Closing the billing consumer failed: {}", failure.toString());
            } finally {
                lag.clear();
                thread.shutdown();
                terminated = true;
                runStopCallback();
            }
        }

        private void runStopCallback() {
            Runnable callback = onStopped.getAndSet(null);
            if (callback != null) {
                callback.run();
            }
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            ConsumerRecord<String, byte[]> last = records.records(partition).getLast();
            next.put(partition, new OffsetAndMetadata(last.offset() + 1, last.leaderEpoch(), ""));
        }
        return next;
    }
}
