package io.switchboard.usage;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The one cost formula of Switchboard, applied by routing-service (for {@code usage.cost}) and by billing-service
 * (for charges) to the same {@link TokenUsage} and {@link PriceSnapshot}, so both always agree to the last digit.
 * Exact decimal arithmetic; no rounding.
 */
public final class Cost {

    private Cost() {
    }

    public static BigDecimal of(TokenUsage usage, PriceSnapshot price) {
        long uncachedPrompt = Math.max(0, usage.promptTokens() - usage.cachedTokens() - usage.cacheWriteTokens());
        long plainCompletion = Math.max(0, usage.completionTokens() - usage.reasoningTokens());
        BigDecimal cost = times(uncachedPrompt, price.prompt())
                .add(times(usage.cachedTokens(), or(price.inputCacheRead(), price.prompt())))
                .add(times(usage.cacheWriteTokens(), or(price.inputCacheWrite(), price.prompt())))
                .add(times(plainCompletion, price.completion()))
                .add(times(usage.reasoningTokens(), or(price.internalReasoning(), price.completion())))
                .add(times(usage.imageInputs(), or(price.image(), BigDecimal.ZERO)))
                .add(or(price.request(), BigDecimal.ZERO));
        return cost.signum() == 0 ? BigDecimal.ZERO : cost.stripTrailingZeros();
    }

    private static BigDecimal times(long count, BigDecimal unitPrice) {
        return count == 0 ? BigDecimal.ZERO : unitPrice.multiply(BigDecimal.valueOf(count));
    }

    private static BigDecimal or(@Nullable BigDecimal price, BigDecimal fallback) {
        return price != null ? price : fallback;
    }
}
