package io.switchboard.stats;

import java.time.Instant;
import java.util.Map;

/**
 * One endpoint's figures over the windows OpenRouter shows, read from its statistics hash: the reader's half of the
 * format.
 *
 * @param last5m the current minute and the 4 before it
 * @param last30m the current minute and the 29 before it
 */
public record EndpointFigures(WindowFigures last5m, WindowFigures last30m) {

    /** Nothing measured: no hash, or none of its minutes in the windows. */
    public static final EndpointFigures NONE = new EndpointFigures(WindowFigures.NONE, WindowFigures.NONE);

    /** The figures of an endpoint's statistics hash at {@code now}. */
    public static EndpointFigures of(Map<String, String> fields, Instant now) {
        long minute = StatsFields.epochMinute(now.toEpochMilli());
        return new EndpointFigures(window(fields, minute, 5), window(fields, minute, 30));
    }

    private static WindowFigures window(Map<String, String> fields, long lastMinute, int minutes) {
        return WindowCounts.of(fields, lastMinute - minutes + 1, lastMinute).figures();
    }
}
