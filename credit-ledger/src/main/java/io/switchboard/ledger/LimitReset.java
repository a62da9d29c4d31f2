package io.switchboard.ledger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;

/** When a key's credit limit starts over, in UTC; {@link #NEVER} means the limit is on the key's lifetime spend. */
public enum LimitReset {
    NEVER, DAILY, WEEKLY, MONTHLY;

    /** The field of the key's spend hash that holds the spend counted against the limit at {@code at}. */
    public String periodField(Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        return switch (this) {
            case NEVER -> "total";
            case DAILY -> "d:" + utc.toLocalDate();
            case WEEKLY -> "w:%d-W%02d".formatted(utc.get(IsoFields.WEEK_BASED_YEAR),
                    utc.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTHLY -> "m:%d-%02d".formatted(utc.getYear(), utc.getMonthValue());
        };
    }
}
