package io.switchboard.billing.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.billing.charge.Charge;
import io.switchboard.testsupport.contract.OpenRouterContract;
import io.switchboard.usage.Cost;
import io.switchboard.usage.FailoverAttempt;
import io.switchboard.usage.Outcome;
import io.switchboard.usage.PriceSnapshot;
import io.switchboard.usage.TokenUsage;
import io.switchboard.usage.UsageData;
import io.switchboard.usage.UsageEvent;
import java.math.BigDecimal;
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

    private static final PriceSnapshot MISTRAL_SMALL = PriceSnapshot.perToken("0.00000015", "0.0000006");

    static UsageEvent event(Outcome outcome, TokenUsage usage, PriceSnapshot price, BigDecimal reportedCost) {
        UsageData data = new UsageData("gen-1764169200-a", "acme", "keyhash", "req-1", "mistralai/mistral-small-2603",
                "mistralai/mistral-small-2603", "mistral", "Mistral", "mistral:mistralai/mistral-small-2603",
                "chatcmpl-1", true, outcome, "stop", "stop", usage, price, reportedCost,
                Instant.parse("2026-11-26T15:00:00Z"), 900, 120L,
                List.of(new FailoverAttempt("deepinfra", "deepinfra:mistralai/mistral-small-2603",
                        "mistralai/mistral-small-2603", 503, "down", 40)),
                "https://app.example", "Example", "user-7");
        return UsageEvent.of("/switchboard/routing-service", Instant.parse("2026-11-26T15:00:01Z"), data);
    }

    static UsageEvent event(Outcome outcome) {
        TokenUsage usage = new TokenUsage(12, 20, 2, 0, 3, 1, false);
        return event(outcome, usage, MISTRAL_SMALL, Cost.of(usage, MISTRAL_SMALL));
    }

    private static JsonNode view(UsageEvent event) {
        return JSON.valueToTree(GenerationView.of(event, Charge.of(event.data())));
    }

    @Test
    void shouldConformToTheContractsGenerationResponse() {
        UsageEvent event = event(Outcome.COMPLETED);
        String body = JSON.writeValueAsString(Map.of("data", GenerationView.of(event, Charge.of(event.data()))));

        OpenRouterContract.assertConforms("GenerationResponse", body);
    }

    @Test
    void shouldReportTokensCostAndTimesOfTheEvent() {
        JsonNode view = view(event(Outcome.COMPLETED));

        assertThat(view.get("tokens_prompt").asLong()).isEqualTo(12);
        assertThat(view.get("tokens_completion").asLong()).isEqualTo(20);
        assertThat(view.get("native_tokens_prompt").asLong()).isEqualTo(12);
        assertThat(view.get("native_tokens_completion").asLong()).isEqualTo(20);
        assertThat(view.get("native_tokens_cached").asLong()).isEqualTo(2);
        assertThat(view.get("native_tokens_reasoning").asLong()).isEqualTo(3);
        assertThat(view.get("num_media_prompt").asLong()).isEqualTo(1);
        assertThat(view.get("total_cost").decimalValue()).isEqualByComparingTo("0.0000138");
        assertThat(view.get("usage").decimalValue()).isEqualByComparingTo("0.0000138");
        assertThat(view.get("latency").asLong()).isEqualTo(900);
        assertThat(view.get("generation_time").asLong()).isEqualTo(780);
        assertThat(view.get("provider_name").asString()).isEqualTo("Mistral");
        assertThat(view.get("model").asString()).isEqualTo("mistralai/mistral-small-2603");
        assertThat(view.get("finish_reason").asString()).isEqualTo("stop");
        assertThat(view.get("streamed").asBoolean()).isTrue();
        assertThat(view.get("external_user").asString()).isEqualTo("user-7");
        assertThat(view.get("request_id").asString()).isEqualTo("req-1");
        assertThat(view.get("provider_responses")).hasSize(2);
        assertThat(view.get("cancelled").asBoolean()).isFalse();
    }

    @Test
    void shouldNameTheAppByItsReferer() {
        JsonNode view = view(event(Outcome.COMPLETED));

        assertThat(view.get("origin").asString()).isEqualTo("https://app.example");
        assertThat(view.get("http_referer").asString()).isEqualTo("https://app.example");
    }

    @Test
    void shouldMarkACancelledGeneration() {
        JsonNode view = view(event(Outcome.CANCELLED));

        assertThat(view.get("cancelled").asBoolean()).isTrue();
    }

    @Test
    void shouldShowThePriceSnapshotsCostWhenTheEventReportsAnother() {
        TokenUsage usage = new TokenUsage(1_000, 500, 0, 0, 0, 0, false);

        JsonNode view = view(event(Outcome.COMPLETED, usage, MISTRAL_SMALL, new BigDecimal("0.001")));

        assertThat(view.get("total_cost").decimalValue()).isEqualByComparingTo("0.00045");
        assertThat(view.get("usage").decimalValue()).isEqualByComparingTo("0.00045");
    }

    @Test
    void shouldShowTheExactCostAndTheRoundedUpCharge() {
        PriceSnapshot fine = PriceSnapshot.perToken("0.0000000015", "0.0000000015");
        TokenUsage usage = new TokenUsage(2, 1, 0, 0, 0, 0, false);

        JsonNode view = view(event(Outcome.COMPLETED, usage, fine, Cost.of(usage, fine)));

        assertThat(view.get("total_cost").decimalValue()).isEqualByComparingTo("0.0000000045");
        assertThat(view.get("usage").decimalValue()).isEqualByComparingTo("0.000000005");
    }

    @Test
    void shouldShowWhatThePromptCacheSaved() {
        // anthropic/claude-3.5-haiku: prompt $0.8, cache reads $0.08, cache writes $1 per million
        PriceSnapshot haiku = new PriceSnapshot(new BigDecimal("0.0000008"), new BigDecimal("0.000004"), null, null,
                new BigDecimal("0.00000008"), new BigDecimal("0.000001"), null);
        TokenUsage usage = new TokenUsage(3_000, 200, 2_000, 500, 0, 0, false);

        JsonNode view = view(event(Outcome.COMPLETED, usage, haiku, Cost.of(usage, haiku)));

        // 2000 × (0.8 − 0.08) − 500 × (1 − 0.8) per million = 0.00144 − 0.0001
        assertThat(view.get("cache_discount").decimalValue()).isEqualByComparingTo("0.00134");
    }

    @Test
    void shouldShowNoCacheDiscountWithoutCachedTokens() {
        JsonNode view = view(event(Outcome.COMPLETED, new TokenUsage(10, 10, 0, 0, 0, 0, false), MISTRAL_SMALL,
                new BigDecimal("0.0000075")));

        assertThat(view.get("cache_discount").isNull()).isTrue();
    }
}
