package io.switchboard.catalog.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatisticsHashTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void shouldTurnCountsIntoUptimePercentages() {
        EndpointStatistics statistics = StatisticsHash.parse(written(Duration.ofSeconds(10), Map.of("requests_5m",
                "10", "errors_5m", "1", "requests_30m", "200", "errors_30m", "0", "requests_1d", "1000", "errors_1d",
                "250")), NOW);

        assertThat(statistics.uptimeLast5m()).isEqualTo(90.0);
        assertThat(statistics.uptimeLast30m()).isEqualTo(100.0);
        assertThat(statistics.uptimeLast1d()).isEqualTo(75.0);
    }

    @Test
    void shouldLeaveRateLimitedRequestsOutOfUptime() {
        EndpointStatistics statistics = StatisticsHash.parse(written(Duration.ZERO, Map.of("requests_5m", "10",
                "rate_limited_5m", "6", "errors_5m", "1")), NOW);

        assertThat(statistics.uptimeLast5m()).isEqualTo(75.0);
    }

    @Test
    void shouldReadLatencyAndThroughputPercentiles() {
        EndpointStatistics statistics = StatisticsHash.parse(written(Duration.ofMinutes(1), Map.of("ttft_ms_p50",
                "250", "ttft_ms_p75", "310.5", "ttft_ms_p90", "480", "ttft_ms_p99", "900", "throughput_p50", "45.2",
                "throughput_p75", "38.5", "throughput_p90", "28.3", "throughput_p99", "15.1")), NOW);

        assertThat(statistics.latencyLast30m()).isEqualTo(new Percentiles(250, 310.5, 480, 900));
        assertThat(statistics.throughputLast30m()).isEqualTo(new Percentiles(45.2, 38.5, 28.3, 15.1));
    }

    @Test
    void shouldIgnoreWindowsTheLastWriteIsOlderThan() {
        EndpointStatistics statistics = StatisticsHash.parse(written(Duration.ofMinutes(10), Map.of("requests_5m",
                "10", "errors_5m", "0", "requests_30m", "10", "errors_30m", "0", "ttft_ms_p50", "1", "ttft_ms_p75", "1",
                "ttft_ms_p90", "1", "ttft_ms_p99", "1")), NOW);

        assertThat(statistics.uptimeLast5m()).isNull();
        assertThat(statistics.uptimeLast30m()).isEqualTo(100.0);
        assertThat(statistics.latencyLast30m()).isNotNull();
        assertThat(StatisticsHash.parse(written(Duration.ofHours(2), Map.of("requests_30m", "10", "errors_30m", "0")),
                NOW).uptimeLast30m()).isNull();
    }

    @Test
    void shouldLeaveFiguresWithoutEnoughDataNull() {
        EndpointStatistics statistics = StatisticsHash.parse(written(Duration.ZERO, Map.of("requests_5m", "0",
                "errors_5m", "0", "ttft_ms_p50", "1", "ttft_ms_p75", "2")), NOW);

        assertThat(statistics).isEqualTo(EndpointStatistics.NONE);
    }

    @Test
    void shouldIgnoreMalformedFields() {
        EndpointStatistics statistics = StatisticsHash.parse(written(Duration.ZERO, Map.of("requests_5m", "ten",
                "errors_5m", "0", "requests_30m", "5", "errors_30m", "9", "throughput_p50", "NaN", "throughput_p75",
                "1", "throughput_p90", "1", "throughput_p99", "1")), NOW);

        assertThat(statistics).isEqualTo(EndpointStatistics.NONE);
    }

    @Test
    void shouldKnowNothingWithoutAWriteTime() {
        assertThat(StatisticsHash.parse(Map.of("requests_5m", "10", "errors_5m", "0"), NOW))
                .isEqualTo(EndpointStatistics.NONE);
    }

    private static Map<String, String> written(Duration ago, Map<String, String> fields) {
        Map<String, String> hash = new HashMap<>(fields);
        hash.put("updated_at", Long.toString(NOW.minus(ago).toEpochMilli()));
        return hash;
    }
}
