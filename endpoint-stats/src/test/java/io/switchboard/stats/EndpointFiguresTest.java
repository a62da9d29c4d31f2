package io.switchboard.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Golden examples: hash contents exactly as written (field names typed out, so that a change of the format fails
 * here) and the figures OpenRouter's endpoints view shows for them, worked out by hand.
 */
class EndpointFiguresTest {

    /** In epoch minute 29928240. */
    static final Instant NOW = Instant.parse("2026-11-26T12:00:30Z");
    private static final Offset<Double> EXACT = within(1e-9);

    /**
     * Minute 29928240 (now): 20 attempts served with a first byte after 200 ms, generating 100 tokens in 2 s (50/s),
     * and 5 provider failures. Minute 29928230 (10 minutes ago): 20 served after 600 ms, 400 tokens in 2 s (200/s),
     * and 5 refused as the request's fault. Around them: a minute past the window, a minute ahead of the reader's
     * clock, and fields this format does not know.
     */
    static final Map<String, String> GOLDEN = Map.ofEntries(
            Map.entry("29928240:requests", "25"),
            Map.entry("29928240:errors", "5"),
            Map.entry("29928240:ttft:250", "20"),
            Map.entry("29928240:ttft_sum_ms", "4000"),
            Map.entry("29928240:tps:50", "20"),
            Map.entry("29928240:tokens", "2000"),
            Map.entry("29928240:generation_ms", "40000"),
            Map.entry("29928230:requests", "25"),
            Map.entry("29928230:ttft:750", "20"),
            Map.entry("29928230:ttft_sum_ms", "12000"),
            Map.entry("29928230:tps:200", "20"),
            Map.entry("29928230:tokens", "8000"),
            Map.entry("29928230:generation_ms", "40000"),
            Map.entry("29928210:requests", "99"),
            Map.entry("29928210:errors", "99"),
            Map.entry("29928241:requests", "7"),
            Map.entry("29928241:ttft:100", "7"),
            Map.entry("29928240:ttft:333", "50"),
            Map.entry("29928240:rate_limited", "3"),
            Map.entry("updated_at", "1795694430000"));

    @Test
    void shouldDeriveTheLastFiveMinutesFromTheCurrentMinuteAndTheFourBefore() {
        WindowFigures last5m = EndpointFigures.of(GOLDEN, NOW).last5m();

        assertThat(last5m.requests()).isEqualTo(25);
        assertThat(last5m.errors()).isEqualTo(5);
        assertThat(last5m.uptime()).isEqualTo(80.0);
        assertPercentiles(last5m.latencyMs(), 175, 212.5, 235, 248.5);
        assertPercentiles(last5m.throughput(), 45, 42.5, 41, 40.1);
    }

    @Test
    void shouldDeriveTheLastThirtyMinutesWithLatencyPercentilesAndThroughputsSlowTail() {
        WindowFigures last30m = EndpointFigures.of(GOLDEN, NOW).last30m();

        assertThat(last30m.requests()).isEqualTo(50);
        assertThat(last30m.errors()).isEqualTo(5);
        assertThat(last30m.uptime()).isEqualTo(90.0);
        // ttft: 20 in (100, 250], 20 in (500, 750]; p99 is 98% into the upper bucket.
        assertPercentiles(last30m.latencyMs(), 250, 625, 700, 745);
        // tps: 20 in (40, 50], 20 in (150, 200]; OpenRouter's p75 is the 25th percentile, its p99 the 1st.
        assertPercentiles(last30m.throughput(), 50, 45, 42, 40.2);
    }

    @Test
    void shouldCountTheCurrentMinuteOnlyOnceItHasBegunOnTheReadersClock() {
        WindowFigures aMinuteLater = EndpointFigures.of(GOLDEN, NOW.plusSeconds(60)).last5m();

        assertThat(aMinuteLater.requests()).isEqualTo(25 + 7);
    }

    @Test
    void shouldLeaveTheLastFiveMinutesEmptyWhenOnlyOlderMinutesHaveData() {
        EndpointFigures sixMinutesLater = EndpointFigures.of(GOLDEN, NOW.plusSeconds(6 * 60));

        assertThat(sixMinutesLater.last5m()).isEqualTo(WindowFigures.NONE);
        assertThat(sixMinutesLater.last30m().requests()).isEqualTo(25 + 25 + 7);
    }

    @Test
    void shouldShowNothingForAnEmptyHash() {
        assertThat(EndpointFigures.of(Map.of(), NOW)).isEqualTo(EndpointFigures.NONE);
    }

    @Test
    void shouldShowUptimeWithoutLatencyWhenNothingWasServed() {
        WindowFigures figures = EndpointFigures.of(Map.of("29928240:requests", "4", "29928240:errors", "4"), NOW)
                .last30m();

        assertThat(figures).isEqualTo(new WindowFigures(4, 4, 0.0, null, null));
    }

    @Test
    void shouldKeepUptimeWithinZeroAndHundredWhileAFlushIsHalfWritten() {
        // Errors HINCRBYed before the requests of the same flush.
        Map<String, String> halfWritten = Map.of("29928240:requests", "1", "29928240:errors", "3");

        assertThat(EndpointFigures.of(halfWritten, NOW).last5m().uptime()).isEqualTo(0.0);
    }

    @Test
    void shouldIgnoreMalformedFieldsRatherThanFail() {
        Map<String, String> fields = Map.of("29928240:requests", "ten", "x:requests", "5", "29928240:errors", "-2",
                "29928240:ttft:250", "NaN", "29928240", "4", ":requests", "1");

        assertThat(EndpointFigures.of(fields, NOW)).isEqualTo(EndpointFigures.NONE);
    }

    @Test
    void shouldReportALatencyInTheOverflowBucketAsTheLastBound() {
        WindowFigures figures = EndpointFigures.of(Map.of("29928240:requests", "2", "29928240:ttft:inf", "2"), NOW)
                .last5m();

        assertPercentiles(figures.latencyMs(), 60_000, 60_000, 60_000, 60_000);
    }

    private static void assertPercentiles(Percentiles actual, double p50, double p75, double p90, double p99) {
        assertThat(actual).isNotNull();
        assertThat(actual.p50()).as("p50").isCloseTo(p50, EXACT);
        assertThat(actual.p75()).as("p75").isCloseTo(p75, EXACT);
        assertThat(actual.p90()).as("p90").isCloseTo(p90, EXACT);
        assertThat(actual.p99()).as("p99").isCloseTo(p99, EXACT);
    }
}
