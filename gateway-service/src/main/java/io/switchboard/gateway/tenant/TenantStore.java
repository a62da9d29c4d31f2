package io.switchboard.gateway.tenant;

import io.switchboard.gateway.RedisKeys;
import io.switchboard.gateway.RedisScripts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tenants in Redis: a hash per tenant at {@code gw:tenant:<id>} ({@code name}, {@code created_at} epoch ms) and the
 * sorted set {@code gw:tenants} of every id. Created index entry first, record second (listing skips an entry
 * without a record), so a failure in between never leaves a tenant that exists but cannot be listed.
 */
@Component
public class TenantStore {

    private static final RedisScript<Long> CREATE = RedisScripts.load("key-create", Long.class);

    private final ReactiveStringRedisTemplate redis;

    public TenantStore(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Creates the tenant; false if one with this id exists (left as it was). */
    public Mono<Boolean> create(Tenant tenant) {
        // The existence check keeps an existing tenant's place in the listing; the script decides races.
        return find(tenant.id()).map(existing -> false)
                .switchIfEmpty(Mono.defer(() -> redis.opsForZSet()
                        .add(RedisKeys.tenants(), tenant.id(), tenant.createdAt().toEpochMilli())
                        .then(redis.execute(CREATE, List.of(RedisKeys.tenant(tenant.id())), List.of("name",
                                tenant.name(), "created_at", Long.toString(tenant.createdAt().toEpochMilli())))
                                .next())
                        .map(created -> created == 1L)));
    }

    public Mono<Tenant> find(String id) {
        return redis.<String, String>opsForHash()
                .entries(RedisKeys.tenant(id))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .filter(fields -> fields.containsKey("created_at"))
                .map(fields -> new Tenant(id, fields.getOrDefault("name", id),
                        Instant.ofEpochMilli(Long.parseLong(fields.get("created_at")))));
    }

    /** A page of tenants, oldest first. */
    public Flux<Tenant> page(long offset, int count) {
        return redis.opsForZSet()
                .range(RedisKeys.tenants(), Range.closed(offset, offset + count - 1))
                .flatMapSequential(this::find, 16);
    }
}
