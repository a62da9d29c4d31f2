package io.switchboard.ledger;

/**
 * A tenant's credit, nanodollars.
 *
 * @param credits ever added
 * @param usage ever charged
 * @param reserved held by requests in flight
 */
public record TenantBalance(long credits, long usage, long reserved) {

    public long available() {
        return credits - usage - reserved;
    }
}
