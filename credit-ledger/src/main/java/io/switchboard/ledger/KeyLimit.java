package io.switchboard.ledger;

/**
 * A key's credit limit.
 *
 * @param limit nanodollars the key may spend per period
 * @param reset when the period starts over
 */
public record KeyLimit(long limit, LimitReset reset) {

    public KeyLimit {
        if (limit < 0) {
            throw new IllegalArgumentException("a key limit cannot be negative");
        }
    }
}
