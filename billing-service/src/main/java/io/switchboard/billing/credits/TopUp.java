package io.switchboard.billing.credits;

import io.switchboard.ledger.Nanodollars;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A valid top-up, whether asked for through the API or read from the topic.
 *
 * @param nanodollars {@code amount} in the ledger's unit, exactly
 */
record TopUp(String tenantId, String id, BigDecimal amount, long nanodollars, @Nullable String description) {

    private static final int MAX_ID_LENGTH = 200;

    /**
     * @param maxAmount the largest amount allowed, null for no limit
     * @throws IllegalArgumentException naming the field at fault
     */
    static TopUp of(@Nullable String tenantId, @Nullable String id, @Nullable BigDecimal amount,
            @Nullable String description, @Nullable BigDecimal maxAmount) {
        requireIdentifier(tenantId, "tenant_id");
        requireIdentifier(id, "id");
        if (tenantId.indexOf('{') >= 0 || tenantId.indexOf('}') >= 0) {
            throw new IllegalArgumentException("tenant_id: cannot contain braces");
        }
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("amount: a positive USD amount is required");
        }
        if (amount.stripTrailingZeros().scale() > 9) {
            // Credit is kept in whole nanodollars; rounding an amount someone paid would be silently wrong.
            throw new IllegalArgumentException("amount: at most 9 decimal places (whole nanodollars)");
        }
        if (maxAmount != null && amount.compareTo(maxAmount) > 0) {
            throw new IllegalArgumentException("amount: at most " + maxAmount.toPlainString() + " USD per top-up");
        }
        if (description != null && description.length() > 500) {
            throw new IllegalArgumentException("description: at most 500 characters");
        }
        return new TopUp(tenantId, id, amount, Nanodollars.fromUsd(amount), description);
    }

    /** Ids go into Redis keys, Kafka keys and logs: printable ASCII without spaces, as identity headers. */
    private static void requireIdentifier(@Nullable String value, String field) {
        if (value == null || value.isEmpty() || value.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(field + ": 1 to " + MAX_ID_LENGTH + " characters required");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new IllegalArgumentException(field + ": printable ASCII without spaces only");
            }
        }
    }
}
