package io.switchboard.billing.charge;

import io.switchboard.ledger.Nanodollars;
import io.switchboard.usage.Cost;
import io.switchboard.usage.UsageData;
import java.math.BigDecimal;

/**
 * What billing charges for one generation. The event's price snapshot and token usage are the source of truth: the cost
 * is recomputed from them with {@link Cost#of} (the same formula routing-service applies), exactly, and the event's own
 * {@code cost} figure is only compared with it. If they disagree, the producer has a bug; the recomputed cost is
 * charged, because it is the one an auditor can reproduce from the event, and the disagreement is logged and counted.
 * Whether the client streamed plays no part.
 *
 * @param cost USD, exact, from the price snapshot
 * @param nanodollars what the ledger charges: {@code cost} rounded up to a whole nanodollar
 * @param reported the event's own {@code cost}
 */
public record Charge(BigDecimal cost, long nanodollars, BigDecimal reported) {

    /**
     * @throws IllegalArgumentException if the snapshot yields a negative cost
     * @throws ArithmeticException if the cost does not fit the ledger (over about 9.2 billion USD)
     * @throws NullPointerException if the event lacks usage, prices or cost
     */
    public static Charge of(UsageData data) {
        BigDecimal cost = Cost.of(data.usage(), data.price());
        if (cost.signum() < 0) {
            throw new IllegalArgumentException("the price snapshot yields a negative cost, " + cost.toPlainString());
        }
        return new Charge(cost, Nanodollars.fromUsd(cost), data.cost());
    }

    /** The USD amount charged against credit, {@code nanodollars} as a decimal. */
    public BigDecimal charged() {
        return Nanodollars.toUsd(nanodollars);
    }

    /** Whether the event's own cost figure equals the recomputed cost (numerically: trailing zeros do not matter). */
    public boolean agreesWithEvent() {
        return cost.compareTo(reported) == 0;
    }
}
