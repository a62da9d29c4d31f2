package io.switchboard.routing.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.routing.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointStatsRecorderTest {

    private static final Instant START = Instant.parse("2026-01-01T10:00:30Z");
    private static final long MINUTE = START.toEpochMilli() / 60_000;

    private final MutableClock clock = new MutableClock(START);
    private final EndpointStatsRecorder recorder = new EndpointStatsRecorder(clock,
            new StatsProperties(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMinutes(30)));

    @Test
    void shouldCountAttemptsErrorsAndFirstByteTimesPerMinute() {
        recorder.attemptFailed("e", true);
        recorder.attemptFailed("e", false);
        recorder.attemptServed("e", Duration.ofMillis(420), false, 50L, Duration.ofSeconds(2));

        assertThat(recorder.drain()).containsEntry("e", Map.of(
                MINUTE + ":requests", 3L,
                MINUTE + ":errors", 1L,
                MINUTE + ":ttft:500", 1L,
                MINUTE + ":ttft_sum_ms", 420L,
                MINUTE + ":tps:30", 1L,
                MINUTE + ":tokens", 50L,
                MINUTE + ":generation_ms", 2000L));
    }

    @Test
    void shouldCountAStreamBrokenMidwayAsAnErrorWithoutThroughput() {
        recorder.attemptServed("e", Duration.ofMillis(80), true, null, null);

        assertThat(recorder.drain().get("e")).containsOnlyKeys(MINUTE + ":requests", MINUTE + ":errors",
                MINUTE + ":ttft:100", MINUTE + ":ttft_sum_ms");
    }

    @Test
    void shouldHandEachCountOverOnceAndKeepWhatIsRestored() {
        recorder.attemptFailed("e", true);
        Map<String, Map<String, Long>> first = recorder.drain();

        assertThat(recorder.drain()).isEmpty();
        recorder.restore("e", first.get("e"));
        assertThat(recorder.drain()).isEqualTo(first);
    }

    @Test
    void shouldDropCountsThatLeftTheWindowUnwritten() {
        recorder.attemptFailed("e", true);
        Map<String, Long> unwritten = new HashMap<>(recorder.drain().get("e"));
        clock.advance(Duration.ofMinutes(31));

        recorder.restore("e", unwritten);

        assertThat(recorder.drain()).isEmpty();
    }

    @Test
    void shouldComputeTheWindowsFiguresFromTheSummedFields() {
        Map<String, String> fields = Map.of(
                MINUTE + ":requests", "10", MINUTE + ":errors", "2", (MINUTE - 40) + ":requests", "99",
                MINUTE + ":ttft:250", "4", MINUTE + ":tps:50", "3", "garbage", "x");

        EndpointStats stats = EndpointStats.of(fields, MINUTE - 29, MINUTE, null);

        assertThat(stats.requests()).isEqualTo(10);
        assertThat(stats.errors()).isEqualTo(2);
        assertThat(stats.ttftP50Ms().getAsDouble()).isBetween(100.0, 250.0);
        assertThat(stats.throughputP50().getAsDouble()).isBetween(40.0, 50.0);
    }
}
