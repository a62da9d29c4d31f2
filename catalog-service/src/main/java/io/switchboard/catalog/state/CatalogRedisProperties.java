package io.switchboard.catalog.state;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where catalog-service keeps the shared catalog in Redis, and how often a replica checks it
 * ({@code switchboard.catalog.redis.*}). The Redis server itself is Spring's {@code spring.data.redis.*}.
 *
 * @param keyPrefix start of every key catalog-service writes; one commit touches several keys in one script, so on a
 *        Redis Cluster the prefix must carry a hash tag (for example {@code catalog:{sb}:}) to keep them in one slot
 * @param pollInterval how often a replica compares its revision with Redis's, in case a change notification (Redis
 *        pub/sub, which does not queue messages across a reconnect) was missed; also the delay before retrying when
 *        Redis cannot be reached
 * @param commitAttempts how many times an edit is recomputed when another edit committed first, before giving up with
 *        409
 */
@ConfigurationProperties("switchboard.catalog.redis")
public record CatalogRedisProperties(@DefaultValue("catalog:") String keyPrefix,
        @DefaultValue("250ms") Duration pollInterval, @DefaultValue("5") int commitAttempts) {

    public CatalogRedisProperties {
        if (keyPrefix.isBlank()) {
            throw new IllegalArgumentException("switchboard.catalog.redis.key-prefix must not be blank");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("switchboard.catalog.redis.poll-interval must be positive");
        }
        if (commitAttempts < 1) {
            throw new IllegalArgumentException("switchboard.catalog.redis.commit-attempts must be at least 1");
        }
    }

    /** The integer counting commits; a replica whose copy has another revision reloads. */
    String revisionKey() {
        return keyPrefix + "revision";
    }

    /** The composed catalog, JSON of a {@code CatalogSnapshot}: what every replica serves. */
    String snapshotKey() {
        return keyPrefix + "snapshot";
    }

    /** The catalog file's content last installed, JSON of a {@code CatalogFile}. */
    String baselineKey() {
        return keyPrefix + "baseline";
    }

    /** Hash of the operator's edits: field {@code <kind>:<id>}, value a JSON Merge Patch. */
    String overlayKey() {
        return keyPrefix + "overlay";
    }

    /** Stream of audit entries, one per commit, never trimmed. */
    String auditKey() {
        return keyPrefix + "audit";
    }

    /** Pub/sub channel announcing each new revision. */
    String changesChannel() {
        return keyPrefix + "changes";
    }
}
