package io.switchboard.catalog.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.catalog.api.Pricing;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * OpenRouter's {@code PublicPricing}: USD per token (per image, request or search where named) as plain decimal
 * strings such as {@code "0.00000015"}, never floating point or exponent notation. Prices the catalog does not set are
 * left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record PublicPricing(String prompt, String completion, @Nullable String request, @Nullable String image,
        @Nullable String webSearch, @Nullable String internalReasoning, @Nullable String inputCacheRead,
        @Nullable String inputCacheWrite) {

    static PublicPricing of(Pricing pricing) {
        return new PublicPricing(decimal(pricing.prompt()), decimal(pricing.completion()),
                optional(pricing.request()), optional(pricing.image()), optional(pricing.webSearch()),
                optional(pricing.internalReasoning()), optional(pricing.inputCacheRead()),
                optional(pricing.inputCacheWrite()));
    }

    /** {@code 0.000000150} and {@code 1.5E-7} both become {@code "0.00000015"}. */
    static String decimal(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static @Nullable String optional(@Nullable BigDecimal value) {
        return value == null ? null : decimal(value);
    }
}
