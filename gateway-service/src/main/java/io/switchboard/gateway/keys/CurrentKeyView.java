package io.switchboard.gateway.keys;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The calling key as {@code GET /api/v1/key} shows it (the contract's {@code data} of {@code getCurrentKey}; money
 * in USD). {@code rate_limit} is OpenRouter's deprecated object, filled from the requests-per-minute limit
 * ({@code -1} for none); {@code rate_limits} and {@code allowed_models} are Switchboard's additions.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CurrentKeyView(String label, @Nullable BigDecimal limit, @Nullable BigDecimal limitRemaining,
        @Nullable String limitReset, boolean includeByokInLimit, BigDecimal usage, BigDecimal usageDaily,
        BigDecimal usageWeekly, BigDecimal usageMonthly, BigDecimal byokUsage, BigDecimal byokUsageDaily,
        BigDecimal byokUsageWeekly, BigDecimal byokUsageMonthly, boolean isFreeTier, boolean isManagementKey,
        boolean isProvisioningKey, @Nullable String creatorUserId, @Nullable Instant expiresAt,
        RateLimit rateLimit, KeyView.RateLimitsView rateLimits, @Nullable List<String> allowedModels) {

    /**
     * @param requests requests per interval, -1 for no limit
     * @param interval the interval
     * @param note why it can be ignored
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RateLimit(long requests, String interval, String note) {
    }
}
