package io.switchboard.gateway.auth;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Creates the configured bootstrap keys in Redis at start-up (retrying while Redis is not reachable yet). Part of
 * readiness: the gateway takes traffic only once they exist, so the demo key works as soon as the stack says ready.
 */
@Component("bootstrapKeys")
public class BootstrapKeys implements SmartLifecycle, ReactiveHealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(BootstrapKeys.class);

    private final ApiKeyStore store;
    private final AuthProperties properties;
    private volatile boolean done;
    private volatile Disposable running = () -> {
    };
    private volatile boolean started;

    public BootstrapKeys(ApiKeyStore store, AuthProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @Override
    public void start() {
        started = true;
        running = Flux.fromIterable(properties.bootstrapKeys())
                .filter(key -> key.key() != null && !key.key().isBlank())
                .concatMap(key -> {
                    if (!ApiKeys.looksValid(key.key())) {
                        return Mono.error(new IllegalStateException(
                                "A bootstrap key for tenant " + key.tenant() + " is not of the form "
                                        + ApiKeys.PREFIX + "<random>"));
                    }
                    return store.save(new ApiKeyRecord(ApiKeys.hash(key.key()), key.tenant(), key.name(), false))
                            .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
                                    .maxBackoff(Duration.ofSeconds(5)));
                })
                .then()
                .subscribe(ignored -> {
                }, failure -> log.error("Bootstrap keys were not created: {}", failure.getMessage()), () -> {
                    done = true;
                    log.info("{} bootstrap key(s) in place", properties.bootstrapKeys()
                            .stream()
                            .filter(key -> key.key() != null && !key.key().isBlank())
                            .count());
                });
    }

    @Override
    public Mono<Health> health() {
        return Mono.just(done
                ? Health.up().build()
                : Health.down()
                        .withDetail("reason", "creating bootstrap keys")
                        .build());
    }

    @Override
    public void stop() {
        running.dispose();
        started = false;
    }

    @Override
    public boolean isRunning() {
        return started;
    }
}
