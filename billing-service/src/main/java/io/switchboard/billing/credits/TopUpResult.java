package io.switchboard.billing.credits;

import java.math.BigDecimal;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The answer to a top-up.
 *
 * @param status {@code applied} (the credit is in the balance below) or {@code recorded} (durably recorded, applied
 *        within moments)
 * @param totalCredits the tenant's credits after it, USD
 * @param totalUsage the tenant's usage, USD
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record TopUpResult(String id, String tenantId, BigDecimal amount, String status, BigDecimal totalCredits,
        BigDecimal totalUsage) {
}
