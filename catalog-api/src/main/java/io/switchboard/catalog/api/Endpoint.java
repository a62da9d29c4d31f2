package io.switchboard.catalog.api;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One model served by one provider: what routing-service chooses between.
 *
 * @param id {@code <provider>:<model id>}, unique
 * @param model model id
 * @param provider provider slug
 * @param upstreamModel the provider's own name for the model
 * @param pricing prices
 * @param contextLength context window at this provider
 * @param maxCompletionTokens largest completion this provider allows, or null
 * @param quantization {@code fp8}, {@code bf16}, {@code int4}, ... or {@code unknown}
 * @param supportedParameters request parameters this provider accepts
 * @param tag OpenRouter-style endpoint tag, such as {@code mistral} or {@code deepinfra/fp8}
 * @param disabled true to stop routing to it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Endpoint(String id, String model, String provider, String upstreamModel, Pricing pricing,
        long contextLength, @Nullable Long maxCompletionTokens, String quantization, List<String> supportedParameters,
        String tag, boolean disabled) {

    public static String idOf(String provider, String model) {
        return provider + ":" + model;
    }
}
