package io.switchboard.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CostTest {

    // mistralai/mistral-small-2603: $0.15 / $0.60 per million tokens
    private static final PriceSnapshot MISTRAL_SMALL = PriceSnapshot.perToken("0.00000015", "0.0000006");

    @Test
    void shouldPricePromptAndCompletionTokensExactly() {
        TokenUsage usage = new TokenUsage(1_000, 500, 0, 0, 0, 0, false);

        assertThat(Cost.of(usage, MISTRAL_SMALL)).isEqualByComparingTo("0.00045");
    }

    @Test
    void shouldCostAMillionPromptTokensTheListedPrice() {
        TokenUsage usage = new TokenUsage(1_000_000, 1_000_000, 0, 0, 0, 0, false);

        assertThat(Cost.of(usage, MISTRAL_SMALL)).isEqualByComparingTo("0.75");
    }

    @Test
    void shouldPriceCachedTokensAtTheCacheReadPriceAndNeverTwice() {
        PriceSnapshot price = new PriceSnapshot(new BigDecimal("0.000003"), new BigDecimal("0.000015"), null, null,
                new BigDecimal("0.0000003"), new BigDecimal("0.00000375"), null);
        // 1000 prompt tokens of which 800 cached and 100 written to the cache: 100 plain + 800 read + 100 write
        TokenUsage usage = new TokenUsage(1_000, 0, 800, 100, 0, 0, false);

        assertThat(Cost.of(usage, price)).isEqualByComparingTo("0.000915");
    }

    @Test
    void shouldFallBackToPromptPriceWhenCacheIsNotPricedSeparately() {
        TokenUsage cached = new TokenUsage(1_000, 0, 800, 0, 0, 0, false);
        TokenUsage uncached = new TokenUsage(1_000, 0, 0, 0, 0, 0, false);

        assertThat(Cost.of(cached, MISTRAL_SMALL)).isEqualByComparingTo(Cost.of(uncached, MISTRAL_SMALL));
    }

    @Test
    void shouldAddRequestAndImagePrices() {
        PriceSnapshot price = new PriceSnapshot(new BigDecimal("0.0000001"), new BigDecimal("0.0000003"),
                new BigDecimal("0.001"), new BigDecimal("0.0009264"), null, null, null);
        TokenUsage usage = new TokenUsage(100, 10, 0, 0, 0, 2, false);

        assertThat(Cost.of(usage, price)).isEqualByComparingTo("0.0028658");
    }

    @Test
    void shouldPriceReasoningAtTheInternalReasoningPriceWhenSet() {
        PriceSnapshot price = new PriceSnapshot(new BigDecimal("0.000001"), new BigDecimal("0.000002"), null, null,
                null, null, new BigDecimal("0.000004"));
        TokenUsage usage = new TokenUsage(0, 100, 0, 0, 40, 0, false);

        assertThat(Cost.of(usage, price)).isEqualByComparingTo("0.00028");
    }
}
