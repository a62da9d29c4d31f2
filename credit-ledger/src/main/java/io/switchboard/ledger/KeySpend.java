package io.switchboard.ledger;

/**
 * What a key has spent, nanodollars, as of one instant (UTC periods).
 *
 * @param total lifetime
 * @param day the current UTC day
 * @param week the current ISO week
 * @param month the current month
 * @param reserved held by its requests in flight
 */
public record KeySpend(long total, long day, long week, long month, long reserved) {

    /** The spend counted against a limit that resets {@code reset}. */
    public long inPeriod(LimitReset reset) {
        return switch (reset) {
            case NEVER -> total;
            case DAILY -> day;
            case WEEKLY -> week;
            case MONTHLY -> month;
        };
    }
}
