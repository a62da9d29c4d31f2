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
 * ({@code -1} for none). {@code allowed_data_regions}, {@code free_model_daily_requests}, {@code organization_id}
 * and {@code workspace_id} (the tenant) are not in the vendored spec, but the current {@code @openrouter/sdk}
 * requires them; there are no data regions nor free models here. {@code rate_limits} and {@code allowed_models} are
 * Switchboard's additions.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CurrentKeyView(String label, @Nullable BigDecimal limit, @Nullable BigDecimal limitRemaining,
        @Nullable String limitReset, boolean includeByokInLimit, BigDecimal usage, BigDecimal usageDaily,
        BigDecimal usageWeekly, BigDecimal usageMonthly, BigDecimal byokUsage, BigDecimal byokUsageDaily,
        BigDecimal byokUsageWeekly, BigDecimal byokUsageMonthly, boolean isFreeTier, boolean isManagementKey,
        boolean isProvisioningKey, @Nullable String creatorUserId, @Nullable Instant expiresAt,
        RateLimit rateLimit, List<String> allowedDataRegions, FreeModelDailyRequests freeModelDailyRequests,
        @Nullable String organizationId, @Nullable String workspaceId, KeyView.RateLimitsView rateLimits,
        @Nullable List<String> allowedModels) {

    /** No data-region restriction. */
    static final List<String> ALL_REGIONS = List.of("global");

    /**
     * OpenRouter's daily allowance of free-model requests; Switchboard has no free models.
     *
     * @param limit requests a day
     * @param remaining left today
     * @param used used today
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FreeModelDailyRequests(long limit, long remaining, long used) {

        static final FreeModelDailyRequests NONE = new FreeModelDailyRequests(0, 0, 0);
    }

    /**
     * @param requests requests per interval, -1 for no limit
     * @param interval the interval
     * @param note why it can be ignored
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RateLimit(long requests, String interval, String note) {
    }
}
