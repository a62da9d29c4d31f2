package io.switchboard.billing.credits;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.switchboard.usage.PlainDecimalSerializer;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The {@code data} of a {@code switchboard.credits.v1} event: credit added to a tenant.
 *
 * @param tenantId tenant credited
 * @param topUpId the operator's id for this top-up (an invoice or payment id); a tenant's top-up ids are applied once
 * @param amount USD, exact, positive, at most 9 decimal places (whole nanodollars)
 * @param description free text for the operator's records
 * @param operatorKeyId hash of the operator key that added it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreditData(String tenantId, String topUpId,
        @JsonSerialize(using = PlainDecimalSerializer.class) BigDecimal amount, @Nullable String description,
        String operatorKeyId) {
}
