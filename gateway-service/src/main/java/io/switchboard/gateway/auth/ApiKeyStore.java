package io.switchboard.gateway.auth;

import java.util.Map;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * API keys in Redis, one hash per key at {@code gw:key:<sha256 hex>} with fields {@code tenant}, {@code name},
 * {@code disabled} ("true"/"false"). The gateway owns the {@code gw:} prefix.
 */
@Component
public class ApiKeyStore {

    static final String PREFIX = "gw:key:";

    private final ReactiveStringRedisTemplate redis;

    public ApiKeyStore(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    public Mono<ApiKeyRecord> find(String hash) {
        return redis.<String, String>opsForHash()
                .entries(PREFIX + hash)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .filter(fields -> fields.containsKey("tenant"))
                .map(fields -> new ApiKeyRecord(hash, fields.get("tenant"), fields.getOrDefault("name", ""),
                        Boolean.parseBoolean(fields.getOrDefault("disabled", "false"))));
    }

    public Mono<Boolean> save(ApiKeyRecord record) {
        return redis.<String, String>opsForHash()
                .putAll(PREFIX + record.hash(), Map.of("tenant", record.tenantId(), "name", record.name(), "disabled",
                        Boolean.toString(record.disabled())));
    }
}
