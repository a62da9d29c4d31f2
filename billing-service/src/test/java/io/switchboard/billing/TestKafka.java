package io.switchboard.billing;

import io.switchboard.billing.credits.CreditEvents;
import io.switchboard.testsupport.infra.TestInfrastructure;
import io.switchboard.usage.UsageEvent;
import io.switchboard.usage.UsageEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/**
 * The test JVM's Kafka as routing-service would use it (an idempotent producer, keyed by tenant, structured-mode
 * CloudEvents), and a check that a consumer group has applied everything produced so far.
 */
public final class TestKafka {

    private static KafkaProducer<String, byte[]> producer;

    private TestKafka() {
    }

    /** A producer that keeps records through a broker outage of several minutes, as routing-service's must. */
    public static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000, ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> producer.close(Duration.ofSeconds(5))));
        }
        return producer;
    }

    /** Sends without waiting: the record is delivered whenever the broker is reachable. */
    public static Future<RecordMetadata> send(UsageEvent event) {
        return producer().send(record(event, null));
    }

    /** Sends to one partition (the key stays the tenant), without waiting. */
    public static Future<RecordMetadata> send(UsageEvent event, int partition) {
        return producer().send(record(event, partition));
    }

    /** Sends with extra record headers (a {@code traceparent}, say) and waits for the broker's acknowledgement. */
    public static RecordMetadata publish(UsageEvent event, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = record(event, null);
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return await(producer().send(record));
    }

    /** Sends and waits for the broker's acknowledgement. */
    public static RecordMetadata publish(UsageEvent event) {
        return await(send(event));
    }

    public static List<RecordMetadata> publish(List<UsageEvent> events) {
        List<Future<RecordMetadata>> sent = events.stream().map(TestKafka::send).toList();
        return sent.stream().map(TestKafka::await).toList();
    }

    public static RecordMetadata publishRaw(String topic, String key, byte[] value) {
        return await(producer().send(new ProducerRecord<>(topic, key, value)));
    }

    public static RecordMetadata await(Future<RecordMetadata> sent) {
        try {
            return sent.get(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new AssertionError("Kafka did not acknowledge a record", e);
        }
    }

    private static ProducerRecord<String, byte[]> record(UsageEvent event, Integer partition) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(UsageEvents.TOPIC, partition, event.subject(),
                UsageEvents.toJson(event));
        record.headers()
                .add(UsageEvents.CONTENT_TYPE_HEADER, UsageEvents.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /**
     * Waits until consumer group {@code groupId} has committed everything on billing's topics that was produced before
     * this call. billing commits only after a record's effects are stored, so its effects are then all visible.
     */
    public static void awaitConsumed(String groupId) {
        Map<TopicPartition, Long> ends = endOffsets();
        Awaitility.await()
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> consumed(groupId, ends));
    }

    /** Whether {@code groupId} has committed at least up to {@code ends} on every partition. */
    public static boolean consumed(String groupId, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(groupId);
        return ends.entrySet()
                .stream()
                .allMatch(end -> end.getValue() == 0 || committed.containsKey(end.getKey())
                        && committed.get(end.getKey()).offset() >= end.getValue());
    }

    /** The committed offsets of {@code groupId}. */
    public static Map<TopicPartition, OffsetAndMetadata> committed(String groupId) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    present.put(partition, offset);
                }
            });
            return present;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The current end offsets of billing's topics. */
    public static Map<TopicPartition, Long> endOffsets() {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> topics = new ArrayList<>();
            for (String topic : List.of(UsageEvents.TOPIC, CreditEvents.TOPIC)) {
                if (existing.contains(topic)) {
                    topics.add(topic);
                }
            }
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics)
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = descriptions.values()
                    .stream()
                    .flatMap(topic -> topic.partitions()
                            .stream()
                            .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            return admin.listOffsets(latest)
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .entrySet()
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    private static String bootstrap() {
        return TestInfrastructure.kafka().bootstrapServers();
    }
}
