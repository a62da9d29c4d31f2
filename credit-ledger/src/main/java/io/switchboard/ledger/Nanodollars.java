package io.switchboard.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money in the ledger: whole nanodollars (10^-9 USD) in a {@code long}, because Redis and Lua have no exact decimals.
 * Published per-token prices are whole nanodollars ($0.15 per million tokens is 150 per token), so charges are exact;
 * a finer fraction is rounded up, in the operator's favour. A {@code long} holds up to about 9.2 billion USD.
 */
public final class Nanodollars {

    private static final int SCALE = 9;

    private Nanodollars() {
    }

    public static long fromUsd(BigDecimal usd) {
        return usd.movePointRight(SCALE).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    public static BigDecimal toUsd(long nanodollars) {
        return BigDecimal.valueOf(nanodollars, SCALE).stripTrailingZeros();
    }
}
