package io.switchboard.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FaultSpecTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldReadEachKindOfFault() {
        assertThat(fault("{\"type\":\"http_error\",\"status\":429,\"retry_after_seconds\":3}"))
                .isEqualTo(new Fault.HttpError(429, null, Duration.ofSeconds(3)));
        assertThat(fault("{\"type\":\"slow_first_token\",\"delay_ms\":1500}"))
                .isEqualTo(new Fault.SlowFirstToken(Duration.ofMillis(1500)));
        assertThat(fault("{\"type\":\"stall\",\"after_tokens\":2}")).isEqualTo(new Fault.Stall(2, null));
        assertThat(fault("{\"type\":\"disconnect\",\"after_tokens\":4}")).isEqualTo(new Fault.Disconnect(4));
        assertThat(fault("{\"type\":\"malformed_chunk\"}")).isEqualTo(new Fault.MalformedChunk(0));
    }

    @Test
    void shouldRefuseAnIncompleteOrInvalidSpecNamingTheField() {
        assertThatThrownBy(() -> fault("{}")).hasMessageStartingWith("type:");
        assertThatThrownBy(() -> fault("{\"type\":\"http_error\",\"status\":200}")).hasMessageContaining("4xx or 5xx");
        assertThatThrownBy(() -> fault("{\"type\":\"slow_first_token\"}")).hasMessage("delay_ms: required");
        assertThatThrownBy(() -> fault("{\"type\":\"stall\",\"after_tokens\":-1}"))
                .hasMessageStartingWith("after_tokens");
        assertThatThrownBy(() -> fault("{\"type\":\"disconnect\",\"times\":0}")).hasMessageStartingWith("times");
    }

    @Test
    void shouldApplyAPrefixFaultTheGivenNumberOfTimesAndARequestsOwnFaultFirst() {
        FaultRegistry registry = new FaultRegistry();
        registry.set("mistral", JSON.readValue("{\"type\":\"disconnect\",\"times\":2}", FaultSpec.class));

        assertThat(registry.resolve("mistral", JSON.readValue("{\"type\":\"stall\"}", FaultSpec.class)))
                .contains(new Fault.Stall(0, null));
        assertThat(registry.resolve("together", null)).isEmpty();
        assertThat(registry.resolve("mistral", null)).contains(new Fault.Disconnect(0));
        assertThat(registry.resolve("mistral", null)).contains(new Fault.Disconnect(0));
        assertThat(registry.resolve("mistral", null)).isEmpty();
    }

    @Test
    void shouldFindTheEndpointPrefixBeforeTheApiVersion() {
        assertThat(SimulatorPaths.prefixOf("/mistral/v1/chat/completions")).isEqualTo("mistral");
        assertThat(SimulatorPaths.prefixOf("/eu/anthropic/v1/messages")).isEqualTo("eu/anthropic");
        assertThat(SimulatorPaths.prefixOf("/gemini/v1beta/models/g:generateContent")).isEqualTo("gemini");
        assertThat(SimulatorPaths.prefixOf("/v1/chat/completions")).isEmpty();
        assertThat(SimulatorPaths.normalise("/mistral/")).isEqualTo("mistral");
    }

    private static Fault fault(String json) {
        return JSON.readValue(json, FaultSpec.class).toFault();
    }
}
