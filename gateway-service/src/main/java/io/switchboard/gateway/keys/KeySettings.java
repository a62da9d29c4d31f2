package io.switchboard.gateway.keys;

import io.switchboard.gateway.auth.ApiKeyRecord;
import io.switchboard.ledger.KeyLimit;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a key to create, as checked by {@link KeyRequests}.
 *
 * @param name its name
 * @param limit its credit limit, or null
 * @param includeByokInLimit OpenRouter's flag, kept as given
 * @param creatorUserId OpenRouter's field, kept as given
 * @param expiresAt when it stops working, or null
 * @param rateLimits its own rate limits
 * @param allowedModels the models it may use, or null for all
 */
public record KeySettings(String name, @Nullable KeyLimit limit, boolean includeByokInLimit,
        @Nullable String creatorUserId, @Nullable Instant expiresAt, ApiKeyRecord.RateLimits rateLimits,
        @Nullable List<String> allowedModels) {
}
