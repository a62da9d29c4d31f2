package io.switchboard.gateway;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Opens the shared Redis connection at start-up, off the event loops. Spring Data Redis opens it on first use, and
 * that first open waits for the TCP connect: on an event loop, that would stall every request sharing the thread.
 * Part of readiness, so no request arrives before the connection exists; while Redis cannot be reached yet, it keeps
 * trying in the background. Once open, the client reconnects by itself after an outage.
 */
@Component("redisConnection")
public class RedisConnectionWarmUp implements SmartLifecycle, ReactiveHealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(RedisConnectionWarmUp.class);

    private final ReactiveRedisConnectionFactory connections;
    private volatile boolean open;
    private volatile Disposable retrying = () -> {
    };
    private volatile boolean running;

    public RedisConnectionWarmUp(ReactiveRedisConnectionFactory connections) {
        this.connections = connections;
    }

    @Override
    public void start() {
        running = true;
        try {
            connect();
        } catch (RuntimeException unreachable) {
            log.warn("Redis is not reachable yet, retrying in the background: {}", unreachable.getMessage());
            retrying = Mono.fromRunnable(this::connect)
                    .subscribeOn(Schedulers.boundedElastic())
                    .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5)))
                    .subscribe();
        }
    }

    private void connect() {
        connections.getReactiveConnection().close();
        open = true;
    }

    @Override
    public Mono<Health> health() {
        return Mono.just(open
                ? Health.up().build()
                : Health.down().withDetail("reason", "Redis connection not open yet").build());
    }

    @Override
    public int getPhase() {
        // Before the other lifecycle beans that use Redis (bootstrap keys) and before the web server takes traffic.
        return Integer.MIN_VALUE + 1000;
    }

    @Override
    public void stop() {
        retrying.dispose();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
