package io.switchboard.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsIncrementsTest {

    private static final long MINUTE = 29928240;

    @Test
    void shouldCountAServedStreamWithItsFirstByteTimeAndThroughput() {
        assertThat(StatsIncrements.served(MINUTE, Duration.ofMillis(420), false, 50L, Duration.ofSeconds(2)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "29928240:requests", 1L,
                        "29928240:ttft:500", 1L,
                        "29928240:ttft_sum_ms", 420L,
                        "29928240:tps:30", 1L,
                        "29928240:tokens", 50L,
                        "29928240:generation_ms", 2000L));
    }

    @Test
    void shouldCountAStreamBrokenMidwayAsAnErrorWithoutThroughput() {
        assertThat(StatsIncrements.served(MINUTE, Duration.ofMillis(80), true, null, null))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "29928240:requests", 1L,
                        "29928240:errors", 1L,
                        "29928240:ttft:100", 1L,
                        "29928240:ttft_sum_ms", 80L));
    }

    @Test
    void shouldMeasureNoThroughputOfASingleTokenOrOfAnInstantGeneration() {
        assertThat(StatsIncrements.served(MINUTE, Duration.ofMillis(10), false, 1L, Duration.ofSeconds(1)))
                .doesNotContainKey("29928240:tokens");
        assertThat(StatsIncrements.served(MINUTE, Duration.ofMillis(10), false, 9L, Duration.ZERO))
                .doesNotContainKey("29928240:tokens");
    }

    @Test
    void shouldCountAProviderFailureAsAnErrorAndARefusalOnlyAsARequest() {
        assertThat(StatsIncrements.failed(MINUTE, true))
                .isEqualTo(Map.of("29928240:requests", 1L, "29928240:errors", 1L));
        assertThat(StatsIncrements.failed(MINUTE, false)).isEqualTo(Map.of("29928240:requests", 1L));
    }

    @Test
    void shouldWriteTheGoldenHashFromTheAttemptsItDescribes() {
        Map<String, Long> hash = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            add(hash, StatsIncrements.served(MINUTE, Duration.ofMillis(200), false, 100L, Duration.ofSeconds(2)));
            add(hash, StatsIncrements.served(MINUTE - 10, Duration.ofMillis(600), false, 400L, Duration.ofSeconds(2)));
        }
        for (int i = 0; i < 5; i++) {
            add(hash, StatsIncrements.failed(MINUTE, true));
            add(hash, StatsIncrements.failed(MINUTE - 10, false));
        }

        Map<String, String> golden = new HashMap<>(EndpointFiguresTest.GOLDEN);
        golden.keySet()
                .removeIf(field -> !field.startsWith(MINUTE + ":") && !field.startsWith((MINUTE - 10) + ":")
                        || field.equals("29928240:ttft:333") || field.equals("29928240:rate_limited"));
        assertThat(hash).hasSameSizeAs(golden);
        hash.forEach((field, value) -> assertThat(golden).containsEntry(field, Long.toString(value)));
    }

    @Test
    void shouldPruneEveryFieldAnAttemptCanWrite() {
        List<String> prunable = StatsFields.allOfMinute(MINUTE);

        for (long ttft : new long[]{0, 100, 101, 60_000, 60_001}) {
            for (long tokens : new long[]{2, 1_000_000}) {
                assertThat(prunable).containsAll(StatsIncrements
                        .served(MINUTE, Duration.ofMillis(ttft), true, tokens, Duration.ofMillis(1_000))
                        .keySet());
            }
        }
        assertThat(prunable).containsAll(StatsIncrements.failed(MINUTE, true).keySet())
                .allSatisfy(field -> assertThat(StatsFields.minuteOf(field)).isEqualTo(MINUTE));
    }

    private static void add(Map<String, Long> hash, Map<String, Long> increments) {
        increments.forEach((field, value) -> hash.merge(field, value, Long::sum));
    }
}
