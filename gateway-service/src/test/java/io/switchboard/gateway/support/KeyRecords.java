package io.switchboard.gateway.support;

import io.switchboard.gateway.auth.ApiKeyRecord;
import io.switchboard.ledger.KeyLimit;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** Variations of a key record for tests, to pass to {@link GatewayTest#newKey(String, io.switchboard.kit.identity.Role, UnaryOperator)}. */
public final class KeyRecords {

    private KeyRecords() {
    }

    public static UnaryOperator<ApiKeyRecord> disabled() {
        return k -> new ApiKeyRecord(k.hash(), k.tenantId(), k.role(), k.name(), k.label(), true, k.limit(),
                k.rateLimits(), k.allowedModels(), k.includeByokInLimit(), k.creatorUserId(), k.createdAt(),
                k.updatedAt(), k.expiresAt());
    }

    public static UnaryOperator<ApiKeyRecord> expiresAt(Instant at) {
        return k -> new ApiKeyRecord(k.hash(), k.tenantId(), k.role(), k.name(), k.label(), k.disabled(), k.limit(),
                k.rateLimits(), k.allowedModels(), k.includeByokInLimit(), k.creatorUserId(), k.createdAt(),
                k.updatedAt(), at);
    }

    public static UnaryOperator<ApiKeyRecord> limit(@Nullable KeyLimit limit) {
        return k -> new ApiKeyRecord(k.hash(), k.tenantId(), k.role(), k.name(), k.label(), k.disabled(), limit,
                k.rateLimits(), k.allowedModels(), k.includeByokInLimit(), k.creatorUserId(), k.createdAt(),
                k.updatedAt(), k.expiresAt());
    }

    public static UnaryOperator<ApiKeyRecord> rateLimits(@Nullable Integer requestsPerMinute,
            @Nullable Integer tokensPerMinute) {
        return k -> new ApiKeyRecord(k.hash(), k.tenantId(), k.role(), k.name(), k.label(), k.disabled(), k.limit(),
                new ApiKeyRecord.RateLimits(requestsPerMinute, tokensPerMinute), k.allowedModels(),
                k.includeByokInLimit(), k.creatorUserId(), k.createdAt(), k.updatedAt(), k.expiresAt());
    }

    public static UnaryOperator<ApiKeyRecord> allowedModels(List<String> models) {
        return k -> new ApiKeyRecord(k.hash(), k.tenantId(), k.role(), k.name(), k.label(), k.disabled(), k.limit(),
                k.rateLimits(), models, k.includeByokInLimit(), k.creatorUserId(), k.createdAt(), k.updatedAt(),
                k.expiresAt());
    }
}
