package io.switchboard.billing.activity;

import java.math.BigDecimal;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One row of OpenRouter's {@code ActivityResponse}: a day's activity of one model through one endpoint. Switchboard
 * has one model id per model, so {@code model_permaslug} repeats {@code model}; there is no BYOK, so
 * {@code byok_usage_inference} is 0.
 *
 * @param usage USD charged against credit
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ActivityItem(String date, String model, String modelPermaslug, String endpointId, String providerName,
        BigDecimal usage, BigDecimal byokUsageInference, long requests, long promptTokens, long completionTokens,
        long reasoningTokens) {
}
