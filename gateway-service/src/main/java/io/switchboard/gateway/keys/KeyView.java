package io.switchboard.gateway.keys;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An API key as the keys API shows it (the contract's key object of {@code /keys} and {@code /keys/{hash}}; money in
 * USD). Nulls are written, as the contract requires those fields. {@code workspace_id} is the tenant; BYOK figures
 * are always zero. {@code external_user} is not in the vendored spec, but the current {@code @openrouter/sdk}
 * requires it (always null here). {@code rate_limits} and {@code allowed_models} are Switchboard's additions.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KeyView(String hash, String name, String label, boolean disabled, @Nullable BigDecimal limit,
        @Nullable BigDecimal limitRemaining, @Nullable String limitReset, boolean includeByokInLimit,
        BigDecimal usage, BigDecimal usageDaily, BigDecimal usageWeekly, BigDecimal usageMonthly,
        BigDecimal byokUsage, BigDecimal byokUsageDaily, BigDecimal byokUsageWeekly, BigDecimal byokUsageMonthly,
        Instant createdAt, @Nullable Instant updatedAt, @Nullable Instant expiresAt, @Nullable String creatorUserId,
        String workspaceId, @Nullable String externalUser, RateLimitsView rateLimits,
        @Nullable List<String> allowedModels) {

    /**
     * The limits in force for the key (its own, else the gateway's defaults); null for no limit.
     *
     * @param requestsPerMinute requests per minute
     * @param tokensPerMinute tokens per minute
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RateLimitsView(@Nullable Long requestsPerMinute, @Nullable Long tokensPerMinute) {
    }
}
