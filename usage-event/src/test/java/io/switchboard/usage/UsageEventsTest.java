package io.switchboard.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class UsageEventsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static UsageEvent sample() {
        TokenUsage usage = new TokenUsage(12, 20, 0, 0, 0, 0, false);
        PriceSnapshot price = PriceSnapshot.perToken("0.00000015", "0.0000006");
        UsageData data = new UsageData("gen-1764169200-AbCdEfGhIjKlMnOpQrSt", "acme", "3f2a", "req-1",
                "mistralai/mistral-small-2603", "mistralai/mistral-small-2603", "mistral", "Mistral",
                "mistral:mistralai/mistral-small-2603", "cmpl-9", true, Outcome.COMPLETED, "stop", "stop", usage,
                price, Cost.of(usage, price), Instant.parse("2026-11-26T15:00:00Z"), 812, 95L,
                List.of(new FailoverAttempt("deepinfra", "deepinfra:mistralai/mistral-small-2603",
                        "mistralai/mistral-small-2603", 503, "Service Unavailable", 41)),
                "https://app.example", "Example App", null);
        return UsageEvent.of("/switchboard/routing-service", Instant.parse("2026-11-26T15:00:00.812Z"), data);
    }

    @Test
    void shouldSerialiseToTheDocumentedGoldenFile() throws IOException {
        JsonNode actual = JSON.readTree(UsageEvents.toJson(sample()));

        assertThat(actual).isEqualTo(golden("fixtures/usage-event-v1.json"));
    }

    @Test
    void shouldKeepCostAndPricesAsExactDecimalStrings() {
        JsonNode json = JSON.readTree(UsageEvents.toJson(sample()));

        assertThat(json.at("/data/cost").isString()).isTrue();
        assertThat(json.at("/data/cost").asString()).isEqualTo("0.0000138");
        assertThat(json.at("/data/price/prompt").asString()).isEqualTo("0.00000015");
    }

    @Test
    void shouldReadBackWhatItWroteIgnoringFieldsAddedLater() {
        UsageEvent event = sample();
        String withExtra = new String(UsageEvents.toJson(event)).replace("\"outcome\"",
                "\"added_in_a_later_minor\":1,\"outcome\"");

        UsageEvent read = UsageEvents.fromJson(withExtra.getBytes());

        assertThat(read).isEqualTo(event);
        assertThat(read.data().cost()).isEqualTo(new BigDecimal("0.0000138"));
    }

    private static JsonNode golden(String path) throws IOException {
        try (InputStream in = UsageEventsTest.class.getClassLoader().getResourceAsStream(path)) {
            return JSON.readTree(in);
        }
    }
}
