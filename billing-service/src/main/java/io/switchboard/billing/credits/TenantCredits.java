package io.switchboard.billing.credits;

import io.switchboard.ledger.Nanodollars;
import io.switchboard.ledger.TenantBalance;
import java.math.BigDecimal;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A tenant's ledger as an operator sees it, USD.
 *
 * @param reserved held by requests in flight
 * @param available what new requests may still reserve: credits minus usage minus reserved (negative when the last
 *        generations cost more than their reservations)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record TenantCredits(String tenantId, BigDecimal totalCredits, BigDecimal totalUsage, BigDecimal reserved,
        BigDecimal available) {

    static TenantCredits of(String tenant, TenantBalance balance) {
        return new TenantCredits(tenant, Nanodollars.toUsd(balance.credits()), Nanodollars.toUsd(balance.usage()),
                Nanodollars.toUsd(balance.reserved()), Nanodollars.toUsd(balance.available()));
    }
}
