package io.switchboard.gateway.auth;

import io.switchboard.gateway.RedisKeys;
import io.switchboard.gateway.RedisScripts;
import io.switchboard.kit.identity.Role;
import io.switchboard.ledger.KeyLimit;
import io.switchboard.ledger.LimitReset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * API keys in Redis: one hash per key at {@code gw:key:<sha256 hex>}, and per tenant a sorted set of its inference
 * keys and one of its management keys (newest last). Fields of the hash: {@code tenant}, {@code role}, {@code name},
 * {@code label}, {@code disabled} ({@code true}/{@code false}), {@code limit} (nanodollars), {@code limit_reset}
 * ({@code never}/{@code daily}/{@code weekly}/{@code monthly}), {@code rpm}, {@code tpm}, {@code allowed_models}
 * (model ids, one per line), {@code include_byok_in_limit}, {@code creator_user_id}, {@code created_at},
 * {@code updated_at}, {@code expires_at} (epoch ms). Absent optional fields mean "none"; a record without
 * {@code role} is an inference key (the layout before roles).
 *
 * <p>A key is created index entry first, record second, and deleted record first, index entry second: a failure in
 * between leaves at most an index entry without a record, which listing skips. A key is usable only while its
 * record exists.
 */
@Component
public class ApiKeyStore {

    private static final RedisScript<Long> CREATE = RedisScripts.load("key-create", Long.class);
    private static final RedisScript<Long> UPDATE = RedisScripts.load("key-update", Long.class);
    private static final RedisScript<Long> DELETE = RedisScripts.load("key-delete", Long.class);

    private static final int CHUNK = 100;

    private final ReactiveStringRedisTemplate redis;

    public ApiKeyStore(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    public Mono<ApiKeyRecord> find(String hash) {
        return redis.<String, String>opsForHash()
                .entries(RedisKeys.apiKey(hash))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .filter(fields -> fields.containsKey("tenant"))
                .map(fields -> decode(hash, fields));
    }

    /** Creates the key if its hash is new; false if a key with this hash exists (its record is left as it was). */
    public Mono<Boolean> create(ApiKeyRecord record) {
        return redis.opsForZSet()
                .add(index(record.tenantId(), record.role()), record.hash(), record.createdAt().toEpochMilli())
                .then(redis.execute(CREATE, List.of(RedisKeys.apiKey(record.hash())), flatten(encode(record)))
                        .next())
                .map(created -> created == 1L);
    }

    /**
     * Sets and removes fields of a key of {@code tenant} with {@code role}; false (and nothing changed) if there is
     * no such key.
     */
    public Mono<Boolean> update(String hash, String tenant, Role role, Map<String, String> set, List<String> remove) {
        List<String> args = new ArrayList<>(List.of(tenant, role.name(), Integer.toString(set.size())));
        args.addAll(flatten(set));
        args.addAll(remove);
        return redis.execute(UPDATE, List.of(RedisKeys.apiKey(hash)), args).next().map(changed -> changed == 1L);
    }

    /** Deletes a key of {@code tenant} with {@code role}; false if there is no such key. */
    public Mono<Boolean> delete(String hash, String tenant, Role role) {
        return redis.execute(DELETE, List.of(RedisKeys.apiKey(hash)), List.of(tenant, role.name()))
                .next()
                .flatMap(deleted -> deleted == 1L
                        ? redis.opsForZSet().remove(index(tenant, role), hash).thenReturn(true)
                        : Mono.just(false));
    }

    /**
     * A tenant's keys of one role, newest first, read from Redis in chunks as far as the subscriber asks; index
     * entries without a record are skipped.
     */
    public Flux<ApiKeyRecord> all(String tenant, Role role) {
        String index = index(tenant, role);
        return Flux.range(0, Integer.MAX_VALUE)
                .concatMap(chunk -> redis.opsForZSet()
                        .reverseRange(index, Range.closed((long) chunk * CHUNK, (long) chunk * CHUNK + CHUNK - 1))
                        .collectList(), 0)
                .takeWhile(hashes -> !hashes.isEmpty())
                .concatMapIterable(hashes -> hashes)
                .flatMapSequential(this::find, 16)
                .filter(record -> record.tenantId().equals(tenant) && record.role() == role);
    }

    private static String index(String tenant, Role role) {
        return switch (role) {
            case USER -> RedisKeys.tenantKeys(tenant);
            case MANAGER -> RedisKeys.tenantManagementKeys(tenant);
            default -> throw new IllegalArgumentException(role + " keys are not stored");
        };
    }

    static Map<String, String> encode(ApiKeyRecord record) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("tenant", record.tenantId());
        fields.put("role", record.role().name());
        fields.put("name", record.name());
        fields.put("label", record.label());
        fields.put("disabled", Boolean.toString(record.disabled()));
        fields.put("include_byok_in_limit", Boolean.toString(record.includeByokInLimit()));
        fields.put("created_at", Long.toString(record.createdAt().toEpochMilli()));
        fields.putAll(limitFields(record.limit()));
        if (record.rateLimits().requestsPerMinute() != null) {
            fields.put("rpm", record.rateLimits().requestsPerMinute().toString());
        }
        if (record.rateLimits().tokensPerMinute() != null) {
            fields.put("tpm", record.rateLimits().tokensPerMinute().toString());
        }
        if (record.allowedModels() != null) {
            fields.put("allowed_models", allowedModelsField(record.allowedModels()));
        }
        if (record.creatorUserId() != null) {
            fields.put("creator_user_id", record.creatorUserId());
        }
        if (record.updatedAt() != null) {
            fields.put("updated_at", Long.toString(record.updatedAt().toEpochMilli()));
        }
        if (record.expiresAt() != null) {
            fields.put("expires_at", Long.toString(record.expiresAt().toEpochMilli()));
        }
        return fields;
    }

    /** The {@code limit} and {@code limit_reset} fields of a limit (none for no limit). */
    static Map<String, String> limitFields(@Nullable KeyLimit limit) {
        if (limit == null) {
            return Map.of();
        }
        return Map.of("limit", Long.toString(limit.limit()), "limit_reset",
                limit.reset().name().toLowerCase(Locale.ROOT));
    }

    static String allowedModelsField(List<String> models) {
        return String.join("\n", models);
    }

    static ApiKeyRecord decode(String hash, Map<String, String> fields) {
        KeyLimit limit = fields.containsKey("limit")
                ? new KeyLimit(Long.parseLong(fields.get("limit")), LimitReset.valueOf(fields.getOrDefault(
                        "limit_reset", "never").toUpperCase(Locale.ROOT)))
                : null;
        String models = fields.get("allowed_models");
        Instant createdAt = instant(fields.get("created_at"));
        return new ApiKeyRecord(hash, fields.get("tenant"), Role.valueOf(fields.getOrDefault("role", "USER")),
                fields.getOrDefault("name", ""), fields.getOrDefault("label", fields.getOrDefault("name", "")),
                Boolean.parseBoolean(fields.getOrDefault("disabled", "false")), limit,
                new ApiKeyRecord.RateLimits(integer(fields.get("rpm")), integer(fields.get("tpm"))),
                models == null ? null : models.isEmpty() ? List.of() : Arrays.asList(models.split("\n")),
                Boolean.parseBoolean(fields.getOrDefault("include_byok_in_limit", "false")),
                fields.get("creator_user_id"), createdAt == null ? Instant.EPOCH : createdAt,
                instant(fields.get("updated_at")), instant(fields.get("expires_at")));
    }

    private static @Nullable Integer integer(@Nullable String value) {
        return value == null ? null : Integer.valueOf(value);
    }

    private static @Nullable Instant instant(@Nullable String epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(Long.parseLong(epochMillis));
    }

    private static List<String> flatten(Map<String, String> fields) {
        List<String> flat = new ArrayList<>(fields.size() * 2);
        fields.forEach((field, value) -> {
            flat.add(field);
            flat.add(value);
        });
        return flat;
    }
}
