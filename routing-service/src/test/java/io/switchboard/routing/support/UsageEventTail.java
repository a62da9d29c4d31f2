package io.switchboard.routing.support;

import io.switchboard.usage.UsageEvent;
import io.switchboard.usage.UsageEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads {@code switchboard.usage.v1} from the start in the background and keeps every event it sees. */
public final class UsageEventTail implements AutoCloseable {

    private final Map<String, List<UsageEvent>> byId = new ConcurrentHashMap<>();
    private final Map<String, String> traceparents = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean running = true;

    public UsageEventTail(String bootstrapServers) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
                "usage-tail-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of(UsageEvents.TOPIC));
        reader = new Thread(() -> {
            try (consumer) {
                while (running) {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                        UsageEvent event = UsageEvents.fromJson(record.value());
                        Header traceparent = record.headers().lastHeader("traceparent");
                        if (traceparent != null) {
                            traceparents.put(event.id(), new String(traceparent.value(), StandardCharsets.UTF_8));
                        }
                        byId.computeIfAbsent(event.id(), id -> new CopyOnWriteArrayList<>()).add(event);
                    });
                }
            }
        }, "usage-tail");
        reader.setDaemon(true);
        reader.start();
    }

    /** The one event of {@code generationId}, waiting for it to arrive; fails if it arrives twice. */
    public UsageEvent await(String generationId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> byId.containsKey(generationId));
        List<UsageEvent> events = byId.get(generationId);
        if (events.size() != 1) {
            throw new AssertionError(events.size() + " usage events for " + generationId);
        }
        return events.getFirst();
    }

    /** The {@code traceparent} record header of the event of {@code generationId} (after {@link #await}), or null. */
    public String traceparent(String generationId) {
        return traceparents.get(generationId);
    }

    /** How many events with this id arrived so far (0 if none). */
    public int count(String generationId) {
        List<UsageEvent> events = byId.get(generationId);
        return events == null ? 0 : events.size();
    }

    /** Every event with this id that arrived so far. */
    public List<UsageEvent> all(String generationId) {
        List<UsageEvent> events = byId.get(generationId);
        return events == null ? List.of() : List.copyOf(events);
    }

    @Override
    public void close() {
        running = false;
    }
}
