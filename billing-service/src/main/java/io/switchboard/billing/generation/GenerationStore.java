package io.switchboard.billing.generation;

import io.switchboard.billing.ingest.UsageEventHandler;
import io.switchboard.usage.UsageEvent;
import io.switchboard.usage.UsageEvents;
import java.time.Duration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Generation records in Redis, one key per generation: {@code billing:gen:<generation id>} holding the usage event as
 * received, expiring after the retention. Written with {@code SET NX}: the first delivery of an event wins and
 * redeliveries change nothing.
 */
@Component
public class GenerationStore implements UsageEventHandler {

    static final String PREFIX = "billing:gen:";

    private final ReactiveRedisTemplate<String, byte[]> redis;
    private final Duration retention;

    public GenerationStore(ReactiveRedisConnectionFactory connections, GenerationProperties properties) {
        this.redis = new ReactiveRedisTemplate<>(connections,
                RedisSerializationContext.<String, byte[]>newSerializationContext(RedisSerializer.string())
                        .value(RedisSerializer.byteArray())
                        .build());
        this.retention = properties.retention();
    }

    @Override
    public Mono<Void> apply(UsageEvent event, byte[] json) {
        return redis.opsForValue().setIfAbsent(PREFIX + event.id(), json, retention).then();
    }

    public Mono<UsageEvent> find(String generationId) {
        return redis.opsForValue().get(PREFIX + generationId).map(UsageEvents::fromJson);
    }
}
