package io.switchboard.ledger;

import org.jspecify.annotations.Nullable;

/** What {@link CreditLedger#reserve} decided. */
public sealed interface ReservationOutcome {

    /** Admitted; the amount is held. Remaining figures are after the hold; {@code keyRemaining} null without a limit. */
    record Reserved(long tenantAvailable, @Nullable Long keyRemaining) implements ReservationOutcome {
    }

    /** This request id already holds a reservation (a retried admission); nothing more was held. */
    record AlreadyReserved() implements ReservationOutcome {
    }

    /** The tenant's available credit does not cover the amount. */
    record CreditExhausted(long tenantAvailable) implements ReservationOutcome {
    }

    /** The key's remaining limit in its current period does not cover the amount. */
    record KeyLimitReached(long keyRemaining) implements ReservationOutcome {
    }

    default boolean admitted() {
        return this instanceof Reserved || this instanceof AlreadyReserved;
    }
}
