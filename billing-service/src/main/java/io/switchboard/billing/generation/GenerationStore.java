package io.switchboard.billing.generation;

import io.switchboard.billing.ingest.BillableEvent;
import io.switchboard.billing.ingest.UsageEventHandler;
import io.switchboard.usage.UsageEvent;
import io.switchboard.usage.UsageEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Generation records in Redis, one key per generation: {@code billing:gen:<generation id>} holding the usage event as
 * received. Written with {@code SET NX}: the first delivery of an event wins and redeliveries change nothing. A record
 * lives until its generation's {@code created_at} plus the retention, whenever it was written, so a replay of the topic
 * keeps exactly the records the live service kept (and writes none that had already expired).
 */
@Component
@Order(100)
public class GenerationStore implements UsageEventHandler {

    static final String PREFIX = "billing:gen:";

    private final ReactiveRedisTemplate<String, byte[]> redis;
    private final Duration retention;
    private final Clock clock;

    public GenerationStore(ReactiveRedisConnectionFactory connections, GenerationProperties properties, Clock clock) {
        this.redis = new ReactiveRedisTemplate<>(connections,
                RedisSerializationContext.<String, byte[]>newSerializationContext(RedisSerializer.string())
                        .value(RedisSerializer.byteArray())
                        .build());
        this.retention = properties.retention();
        this.clock = clock;
    }

    @Override
    public Mono<Void> apply(BillableEvent event) {
        Instant expiry = event.data().createdAt().plus(retention);
        Duration left = Duration.between(clock.instant(), expiry);
        if (left.toMillis() <= 0) {
            return Mono.empty();
        }
        return redis.opsForValue().setIfAbsent(PREFIX + event.event().id(), event.json(), left).then();
    }

    public Mono<UsageEvent> find(String generationId) {
        return redis.opsForValue().get(PREFIX + generationId).map(UsageEvents::fromJson);
    }
}
