package io.switchboard.catalog.api;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An endpoint's prices in USD, per token unless said otherwise, as OpenRouter's {@code pricing} object. Exact decimals:
 * written as JSON numbers on this internal contract (read back into {@link BigDecimal} without loss); the public API
 * renders them as decimal strings. Null means no separate price.
 *
 * @param prompt per input token
 * @param completion per output token
 * @param request per request
 * @param image per input image
 * @param inputCacheRead per input token read from the prompt cache
 * @param inputCacheWrite per input token written to the prompt cache
 * @param internalReasoning per reasoning token
 * @param webSearch per web search
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Pricing(BigDecimal prompt, BigDecimal completion, @Nullable BigDecimal request,
        @Nullable BigDecimal image, @Nullable BigDecimal inputCacheRead, @Nullable BigDecimal inputCacheWrite,
        @Nullable BigDecimal internalReasoning, @Nullable BigDecimal webSearch) {
}
