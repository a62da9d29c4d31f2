package io.switchboard.gateway.auth;

import io.switchboard.kit.identity.Role;
import io.switchboard.ledger.KeyLimit;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the gateway stores about an API key (never the key itself).
 *
 * @param hash SHA-256 hex of the key; its public id
 * @param tenantId the tenant it belongs to
 * @param role what it may do: {@link Role#USER} inference keys, {@link Role#MANAGER} a tenant's management keys,
 *        {@link Role#OPERATOR} the platform operator's keys (configured, never stored)
 * @param name human-readable name
 * @param label the key's recognisable but harmless form, {@code sk-sb-v1-abc...wxyz}
 * @param disabled a disabled key is refused
 * @param limit credit limit and its reset period, or null for none
 * @param rateLimits the key's own rate limits; unset parts fall back to the gateway's defaults
 * @param allowedModels model ids the key may request, or null for every model
 * @param includeByokInLimit OpenRouter's flag, kept and returned as given (Switchboard has no BYOK usage)
 * @param creatorUserId OpenRouter's {@code creator_user_id}, kept and returned as given
 * @param createdAt when it was created
 * @param updatedAt when it was last changed, or null
 * @param expiresAt when it stops working, or null
 */
public record ApiKeyRecord(String hash, String tenantId, Role role, String name, String label, boolean disabled,
        @Nullable KeyLimit limit, RateLimits rateLimits, @Nullable List<String> allowedModels,
        boolean includeByokInLimit, @Nullable String creatorUserId, Instant createdAt, @Nullable Instant updatedAt,
        @Nullable Instant expiresAt) {

    public ApiKeyRecord {
        allowedModels = allowedModels == null ? null : List.copyOf(allowedModels);
    }

    /**
     * A key's own rate limits; null parts use the gateway's defaults.
     *
     * @param requestsPerMinute requests per minute
     * @param tokensPerMinute prompt plus completion tokens per minute
     */
    public record RateLimits(@Nullable Integer requestsPerMinute, @Nullable Integer tokensPerMinute) {

        public static final RateLimits DEFAULTS = new RateLimits(null, null);
    }

    /** A key with default settings: enabled, no limits of its own, every model. */
    public static ApiKeyRecord of(String hash, String tenantId, Role role, String name, String label,
            Instant createdAt) {
        return new ApiKeyRecord(hash, tenantId, role, name, label, false, null, RateLimits.DEFAULTS, null, false,
                null, createdAt, null, null);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean allows(String modelId) {
        if (allowedModels == null) {
            return true;
        }
        int variant = modelId.indexOf(':');
        String base = variant < 0 ? modelId : modelId.substring(0, variant);
        return allowedModels.contains(modelId) || allowedModels.contains(base);
    }
}
