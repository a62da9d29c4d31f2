package io.switchboard.routing.stats;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.switchboard.kit.ids.RandomIds;
import io.switchboard.routing.resilience.BreakerStateListener;
import io.switchboard.stats.BreakerFields;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Schedulers;

/**
 * Shares each breaker transition of this replica in {@code routing:breaker:{endpointId}}, so the other replicas
 * deprioritise an endpoint one of them saw fail (and catalog-service can show it). Fire and forget: a transition is
 * never held up by Redis.
 */
@Component
class BreakerStatePublisher implements BreakerStateListener {

    private static final Duration TTL = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(BreakerStatePublisher.class);

    private final ReactiveStringRedisTemplate redis;
    private final String replica;

    BreakerStatePublisher(ReactiveStringRedisTemplate redis, Environment environment, RandomIds ids) {
        this.redis = redis;
        this.replica = environment.getProperty("HOSTNAME", environment.getProperty("spring.application.name",
                "routing-service")) + "-" + ids.next("", 6);
    }

    @Override
    public void onTransition(String endpointId, CircuitBreaker.State from, CircuitBreaker.State to, Instant at) {
        String key = BreakerFields.breakerKey(endpointId);
        Map<String, String> fields = to == CircuitBreaker.State.OPEN
                ? Map.of(BreakerFields.STATE, to.name(), BreakerFields.SINCE, Long.toString(at.toEpochMilli()),
                        BreakerFields.REPLICA, replica, BreakerFields.OPENED_AT, Long.toString(at.toEpochMilli()))
                : Map.of(BreakerFields.STATE, to.name(), BreakerFields.SINCE, Long.toString(at.toEpochMilli()),
                        BreakerFields.REPLICA, replica);
        redis.opsForHash()
                .putAll(key, fields)
                .then(redis.expire(key, TTL))
                // Called on an event loop; Lettuce may connect synchronously on first use.
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(done -> {
                }, failure -> log.warn("Breaker state of {} ({}) not shared: {}", endpointId, to, failure.toString()));
    }
}
