package io.switchboard.billing.credits;

import io.switchboard.ledger.Nanodollars;
import io.switchboard.ledger.TenantBalance;
import java.math.BigDecimal;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/v1/credits}'s {@code data}, USD.
 *
 * @param totalCredits every top-up ever applied
 * @param totalUsage every generation ever charged (open reservations are not usage)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record Credits(BigDecimal totalCredits, BigDecimal totalUsage) {

    static Credits of(TenantBalance balance) {
        return new Credits(Nanodollars.toUsd(balance.credits()), Nanodollars.toUsd(balance.usage()));
    }
}
