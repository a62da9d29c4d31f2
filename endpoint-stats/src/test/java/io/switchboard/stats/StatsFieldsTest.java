package io.switchboard.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatsFieldsTest {

    @Test
    void shouldNameTheKeysOfAnEndpoint() {
        assertThat(StatsFields.statsKey("mistral:mistralai/mistral-small-2603"))
                .isEqualTo("routing:stats:mistral:mistralai/mistral-small-2603");
        assertThat(BreakerFields.breakerKey("mistral:mistralai/mistral-small-2603"))
                .isEqualTo("routing:breaker:mistral:mistralai/mistral-small-2603");
    }

    @Test
    void shouldPrefixFieldsWithTheEpochMinute() {
        assertThat(StatsFields.epochMinute(EndpointFiguresTest.NOW.toEpochMilli())).isEqualTo(29928240);
        assertThat(StatsFields.field(29928240, StatsFields.TOKENS)).isEqualTo("29928240:tokens");
        assertThat(StatsFields.bucket(29928240, Histogram.THROUGHPUT, "inf")).isEqualTo("29928240:tps:inf");
        assertThat(StatsFields.minuteOf("29928240:ttft:250")).isEqualTo(29928240);
    }

    @Test
    void shouldRefuseTheMinuteOfAFieldWithoutOne() {
        assertThatThrownBy(() -> StatsFields.minuteOf("updated_at")).isInstanceOf(NumberFormatException.class);
    }
}
