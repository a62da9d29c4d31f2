package io.switchboard.gateway.auth;

import io.switchboard.gateway.tenant.Tenant;
import io.switchboard.gateway.tenant.TenantIds;
import io.switchboard.gateway.tenant.TenantStore;
import io.switchboard.kit.identity.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Creates the configured bootstrap keys (and their tenants) in Redis at start-up if they are missing, retrying
 * while Redis is not reachable yet. Existing keys are left as they are, so a key disabled or limited through the API
 * stays so across restarts. Part of readiness: the gateway takes traffic only once they exist, so the demo key
 * works as soon as the stack says ready.
 */
@Component("bootstrapKeys")
public class BootstrapKeys implements SmartLifecycle, ReactiveHealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(BootstrapKeys.class);

    private final ApiKeyStore keys;
    private final TenantStore tenants;
    private final AuthProperties properties;
    private final Clock clock;
    private volatile boolean done;
    private volatile Disposable running = () -> {
    };
    private volatile boolean started;

    public BootstrapKeys(ApiKeyStore keys, TenantStore tenants, AuthProperties properties, Clock clock) {
        this.keys = keys;
        this.tenants = tenants;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        started = true;
        running = Flux.fromIterable(properties.bootstrapKeys())
                .filter(AuthProperties.BootstrapKey::present)
                .concatMap(key -> ensure(key).retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
                        .maxBackoff(Duration.ofSeconds(5))
                        .filter(failure -> !(failure instanceof IllegalStateException))))
                .then()
                .subscribe(ignored -> {
                }, failure -> log.error("Bootstrap keys were not created: {}", failure.getMessage()), () -> {
                    done = true;
                    log.info("{} bootstrap key(s) in place", properties.bootstrapKeys()
                            .stream()
                            .filter(AuthProperties.BootstrapKey::present)
                            .count());
                });
    }

    private Mono<Void> ensure(AuthProperties.BootstrapKey key) {
        String plaintext = key.key();
        if (plaintext == null || !ApiKeys.looksValid(plaintext)) {
            return Mono.error(new IllegalStateException("A bootstrap key for tenant " + key.tenant()
                    + " is not of the form " + ApiKeys.PREFIX + "<random>"));
        }
        if (!TenantIds.isValid(key.tenant())) {
            return Mono.error(new IllegalStateException("Bootstrap tenant id '" + key.tenant()
                    + "' is not valid (1-63 of a-z, 0-9 and '-')"));
        }
        if (key.role() != Role.USER && key.role() != Role.MANAGER) {
            return Mono.error(new IllegalStateException("Bootstrap keys are USER or MANAGER keys; operator keys "
                    + "go to switchboard.gateway.auth.operator-keys"));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String hash = ApiKeys.hash(plaintext);
        ApiKeyRecord record = ApiKeyRecord.of(hash, key.tenant(), key.role(), key.name(), ApiKeys.label(plaintext),
                now);
        return tenants.create(new Tenant(key.tenant(), key.tenant(), now))
                .then(keys.create(record))
                .filter(created -> !created)
                .flatMap(existed -> keys.find(hash))
                .filter(existing -> !existing.tenantId().equals(key.tenant()) || existing.role() != key.role())
                .doOnNext(conflict -> log.error("A bootstrap key of tenant {} already exists as a {} key of tenant "
                        + "{}; left unchanged", key.tenant(), conflict.role(), conflict.tenantId()))
                .then();
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
