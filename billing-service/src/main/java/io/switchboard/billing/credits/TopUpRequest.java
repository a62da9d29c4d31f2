package io.switchboard.billing.credits;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST /api/v1/admin/credits}.
 *
 * @param tenantId tenant to credit
 * @param id the caller's id for this top-up (invoice or payment id): the same id is applied once, however often sent
 * @param amount USD, a JSON number or decimal string, positive, at most 9 decimal places
 * @param description free text kept with the event
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record TopUpRequest(@Nullable String tenantId, @Nullable String id, @Nullable BigDecimal amount,
        @Nullable String description) {
}
