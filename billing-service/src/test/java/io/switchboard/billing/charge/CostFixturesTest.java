package io.switchboard.billing.charge;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.billing.TestEvents;
import io.switchboard.usage.Cost;
import io.switchboard.usage.PriceSnapshot;
import io.switchboard.usage.TokenUsage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The golden cost files under {@code fixtures/costs}: the seed catalog's published prices applied to token counts, with
 * the exact USD cost and the nanodollars the ledger charges, worked out by hand.
 */
class CostFixturesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Path> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(CostFixturesTest.class.getClassLoader().getResource("fixtures/costs").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sorted = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
            assertThat(sorted).hasSizeGreaterThanOrEqualTo(10);
            return sorted.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void shouldCostExactlyWhatTheFixtureSays(Path fixture) throws IOException {
        JsonNode golden = JSON.readTree(Files.readString(fixture));
        PriceSnapshot price = JSON.treeToValue(golden.get("price"), PriceSnapshot.class);
        TokenUsage usage = JSON.treeToValue(golden.get("usage"), TokenUsage.class);

        assertThat(Cost.of(usage, price)).isEqualByComparingTo(new BigDecimal(golden.get("cost").asString()));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void shouldChargeTheFixturesNanodollarsStreamedOrNot(Path fixture) throws IOException {
        JsonNode golden = JSON.readTree(Files.readString(fixture));
        PriceSnapshot price = JSON.treeToValue(golden.get("price"), PriceSnapshot.class);
        TokenUsage usage = JSON.treeToValue(golden.get("usage"), TokenUsage.class);
        TestEvents.Generation generation = TestEvents.generation("acme")
                .served("model", golden.get("endpoint_id").asString(), "Provider", price)
                .usage(usage);

        Charge streamed = Charge.of(generation.streamed(true).event().data());
        Charge notStreamed = Charge.of(generation.streamed(false).event().data());

        assertThat(streamed.nanodollars()).isEqualTo(golden.get("charged_nanodollars").asLong());
        assertThat(notStreamed).isEqualTo(streamed);
    }
}
