package io.switchboard.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void shouldPutAValueInTheFirstBucketNotBelowIt() {
        assertThat(Histogram.TTFT.bucket(0)).isEqualTo("100");
        assertThat(Histogram.TTFT.bucket(100)).isEqualTo("100");
        assertThat(Histogram.TTFT.bucket(101)).isEqualTo("250");
        assertThat(Histogram.TTFT.bucket(60_001)).isEqualTo("inf");
        assertThat(Histogram.THROUGHPUT.bucket(4.5)).isEqualTo("5");
    }

    @Test
    void shouldLabelBucketsByTheirUpperBoundsAscending() {
        assertThat(Histogram.THROUGHPUT.labels()).containsExactly("5", "10", "20", "30", "40", "50", "75", "100",
                "150", "200", "300", "500", "1000", "inf");
        assertThat(Histogram.TTFT.labels()).startsWith("100", "250").endsWith("60000", "inf");
    }

    @Test
    void shouldInterpolateAQuantileWithinItsBucket() {
        // 10 values in (0, 100], 10 in (100, 250]: the median is the top of the first bucket, p75 halfway up the next.
        Map<String, Long> counts = Map.of("100", 10L, "250", 10L);

        assertThat(Histogram.TTFT.quantile(counts, 0.5)).hasValue(100.0);
        assertThat(Histogram.TTFT.quantile(counts, 0.75).getAsDouble()).isCloseTo(175.0, within(0.001));
    }

    @Test
    void shouldReportAQuantileInTheOverflowBucketAsTheLastBound() {
        assertThat(Histogram.THROUGHPUT.quantile(Map.of("inf", 3L), 0.5)).hasValue(1_000.0);
    }

    @Test
    void shouldHaveNoQuantileWithoutCounts() {
        assertThat(Histogram.TTFT.quantile(Map.of(), 0.5)).isEmpty();
    }

    @Test
    void shouldIgnoreLabelsThatAreNotItsBuckets() {
        assertThat(Histogram.TTFT.quantile(Map.of("100", 10L, "333", 1_000L), 0.5)).hasValue(50.0);
        assertThat(Histogram.TTFT.quantile(Map.of("333", 1_000L), 0.5)).isEmpty();
    }

    @Test
    void shouldRecogniseOnlyItsOwnBucketFields() {
        assertThat(Histogram.TTFT.labelOf("ttft:250")).isEqualTo("250");
        assertThat(Histogram.TTFT.labelOf("ttft:inf")).isEqualTo("inf");
        assertThat(Histogram.TTFT.labelOf("ttft:251")).isNull();
        assertThat(Histogram.TTFT.labelOf("ttft_sum_ms")).isNull();
        assertThat(Histogram.TTFT.labelOf("tps:250")).isNull();
        assertThat(Histogram.THROUGHPUT.labelOf("tps:50")).isEqualTo("50");
    }
}
