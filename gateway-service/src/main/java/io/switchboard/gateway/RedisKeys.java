package io.switchboard.gateway;

/**
 * Every Redis key the gateway writes, all under its {@code gw:} prefix (docs/contracts.md lists them). Keys of one
 * API key's rate limits share the key hash as a Redis Cluster hash tag, so one script touches one slot; everything
 * else is written one key per command, in an order that leaves nothing harmful behind if a step fails.
 */
public final class RedisKeys {

    private RedisKeys() {
    }

    /** Hash: an API key's record (fields in {@code ApiKeyStore}). */
    public static String apiKey(String hash) {
        return "gw:key:" + hash;
    }

    /** Hash: a tenant's record ({@code name}, {@code created_at}). */
    public static String tenant(String tenant) {
        return "gw:tenant:" + tenant;
    }

    /** Sorted set: every tenant id, scored by creation time (epoch ms). */
    public static String tenants() {
        return "gw:tenants";
    }

    /** Sorted set: the hashes of a tenant's inference keys, scored by creation time (epoch ms). */
    public static String tenantKeys(String tenant) {
        return "gw:tenant:" + tenant + ":keys";
    }

    /** Sorted set: the hashes of a tenant's management keys, scored by creation time (epoch ms). */
    public static String tenantManagementKeys(String tenant) {
        return "gw:tenant:" + tenant + ":management-keys";
    }

    /** Hash: the requests-per-minute bucket of an API key ({@code level}, {@code at}, {@code cap}). */
    public static String requestBucket(String keyHash) {
        return "gw:rl:{" + keyHash + "}:requests";
    }

    /** Hash: the tokens-per-minute bucket of an API key ({@code level}, {@code at}, {@code cap}). */
    public static String tokenBucket(String keyHash) {
        return "gw:rl:{" + keyHash + "}:tokens";
    }

    /** String: the tokens taken from the key's bucket at a request's admission, until corrected by its usage. */
    public static String tokenEstimate(String keyHash, String requestId) {
        return "gw:rl:{" + keyHash + "}:estimate:" + requestId;
    }
}
