package io.switchboard.simulator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.simulator.reply.ReplyDefaults;
import io.switchboard.simulator.reply.Timing;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SimulatorPropertiesTest {

    @Test
    void shouldDefaultToFiftyMillisecondsAHundredTokensPerSecondAndTwentyFourWords() {
        SimulatorProperties properties = bind(Map.of());

        assertThat(properties.toDefaults())
                .isEqualTo(new ReplyDefaults(new Timing(Duration.ofMillis(50), 100), 24, null));
    }

    @Test
    void shouldBindEveryKey() {
        SimulatorProperties properties = bind(Map.of("simulator.time-to-first-token", "250ms",
                "simulator.tokens-per-second", "12.5", "simulator.reply-tokens", "3", "simulator.reply-text",
                "Fixed reply."));

        assertThat(properties.toDefaults())
                .isEqualTo(new ReplyDefaults(new Timing(Duration.ofMillis(250), 12.5), 3, "Fixed reply."));
    }

    @Test
    void shouldRefuseANonPositiveTokenRate() {
        SimulatorProperties properties = bind(Map.of("simulator.tokens-per-second", "0"));

        assertThatThrownBy(properties::toDefaults).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokensPerSecond");
    }

    private static SimulatorProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("simulator",
                SimulatorProperties.class);
    }
}
