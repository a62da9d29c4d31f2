package io.switchboard.billing.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.contract.OpenRouterContract;
import io.switchboard.usage.Cost;
import io.switchboard.usage.FailoverAttempt;
import io.switchboard.usage.Outcome;
import io.switchboard.usage.PriceSnapshot;
import io.switchboard.usage.TokenUsage;
import io.switchboard.usage.UsageData;
import io.switchboard.usage.UsageEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GenerationViewTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    static UsageEvent event(String id, String tenant, Outcome outcome) {
        TokenUsage usage = new TokenUsage(12, 20, 2, 0, 3, 1, false);
        PriceSnapshot price = PriceSnapshot.perToken("0.00000015", "0.0000006");
        UsageData data = new UsageData(id, tenant, "keyhash", "req-1", "mistralai/mistral-small-2603",
                "mistralai/mistral-small-2603", "mistral", "Mistral", "mistral:mistralai/mistral-small-2603",
                "chatcmpl-1", true, outcome, "stop", "stop", usage, price, Cost.of(usage, price),
                Instant.parse("2026-11-26T15:00:00Z"), 900, 120L,
                List.of(new FailoverAttempt("deepinfra", "deepinfra:mistralai/mistral-small-2603",
                        "mistralai/mistral-small-2603", 503, "down", 40)),
                "https://app.example", "Example", "user-7");
        return UsageEvent.of("/switchboard/routing-service", Instant.parse("2026-11-26T15:00:01Z"), data);
    }

    @Test
    void shouldConformToTheContractsGenerationResponse() {
        String body = JSON.writeValueAsString(Map.of("data", GenerationView.of(event("gen-1-a", "acme",
                Outcome.COMPLETED))));

        OpenRouterContract.assertConforms("GenerationResponse", body);
    }

    @Test
    void shouldReportTokensCostAndTimesOfTheEvent() {
        JsonNode view = JSON.valueToTree(GenerationView.of(event("gen-1-a", "acme", Outcome.COMPLETED)));

        assertThat(view.get("tokens_prompt").asLong()).isEqualTo(12);
        assertThat(view.get("tokens_completion").asLong()).isEqualTo(20);
        assertThat(view.get("native_tokens_cached").asLong()).isEqualTo(2);
        assertThat(view.get("native_tokens_reasoning").asLong()).isEqualTo(3);
        assertThat(view.get("num_media_prompt").asLong()).isEqualTo(1);
        assertThat(view.get("total_cost").decimalValue()).isEqualByComparingTo("0.0000138");
        assertThat(view.get("latency").asLong()).isEqualTo(900);
        assertThat(view.get("generation_time").asLong()).isEqualTo(780);
        assertThat(view.get("provider_name").asString()).isEqualTo("Mistral");
        assertThat(view.get("external_user").asString()).isEqualTo("user-7");
        assertThat(view.get("provider_responses")).hasSize(2);
        assertThat(view.get("cancelled").asBoolean()).isFalse();
    }

    @Test
    void shouldMarkACancelledGeneration() {
        JsonNode view = JSON.valueToTree(GenerationView.of(event("gen-1-b", "acme", Outcome.CANCELLED)));

        assertThat(view.get("cancelled").asBoolean()).isTrue();
    }
}
