package io.switchboard.ledger;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A request's claim on credit, made at admission.
 *
 * @param tenant the tenant charged
 * @param keyHash the API key used
 * @param requestId the gateway's request id; the usage event carries it, which is how the claim is settled
 * @param amount the request's maximum cost, nanodollars
 * @param keyLimit the key's limit, or null for a key without one
 * @param at now
 * @param ttl how long the claim holds if neither settled nor released (longer than any request may run)
 */
public record Reservation(String tenant, String keyHash, String requestId, long amount, @Nullable KeyLimit keyLimit,
        Instant at, Duration ttl) {

    public Reservation {
        if (amount < 0) {
            throw new IllegalArgumentException("a reservation cannot be negative");
        }
        if (keyHash.indexOf('|') >= 0) {
            throw new IllegalArgumentException("key hashes cannot contain '|'");
        }
    }
}
