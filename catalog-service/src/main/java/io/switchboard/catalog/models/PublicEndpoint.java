package io.switchboard.catalog.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.switchboard.stats.Percentiles;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One element of {@code endpoints} in {@code GET /api/v1/models/{author}/{slug}/endpoints}: OpenRouter's
 * {@code PublicEndpoint}. Nulls are written, since the schema requires the statistics and token limits even when
 * unknown. Carries nothing about how the provider is reached.
 *
 * @param name {@code <provider name> | <model permaslug>}, as OpenRouter names endpoints
 * @param modelId the model's permanent slug (OpenRouter's "permaslug")
 * @param maxPromptTokens the catalog sets no separate prompt limit: always null
 * @param status 0, OpenRouter's value for an endpoint in normal service (disabled endpoints are not listed)
 * @param uptimeLast1d always null: routing-service keeps 30 minutes of statistics (see {@code EndpointStatistics})
 * @param supportsImplicitCaching whether the provider caches prompts without being asked; the catalog says so by
 *        pricing cache reads without pricing cache writes (explicit caches, Anthropic's, charge for writing)
 * @param supportsToolChoice which {@code tool_choice} values the endpoint takes; not in the vendored contract, but
 *        OpenRouter's SDKs (from {@code @openrouter/sdk} 1.3) require it
 * @param latencyLast30m time to first token, milliseconds
 * @param throughputLast30m completion tokens per second; the windowed names are spelled out because the snake-case
 *        strategy does not separate digits ({@code uptime_last5m})
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record PublicEndpoint(String name, String modelId, String modelName, long contextLength, PublicPricing pricing,
        String providerName, String tag, String quantization, @Nullable Long maxCompletionTokens,
        @Nullable Long maxPromptTokens, List<String> supportedParameters, int status,
        @JsonProperty("uptime_last_30m") @Nullable Double uptimeLast30m,
        @JsonProperty("uptime_last_5m") @Nullable Double uptimeLast5m,
        @JsonProperty("uptime_last_1d") @Nullable Double uptimeLast1d, boolean supportsImplicitCaching,
        ToolChoiceSupport supportsToolChoice,
        @JsonProperty("latency_last_30m") @Nullable Percentiles latencyLast30m,
        @JsonProperty("throughput_last_30m") @Nullable Percentiles throughputLast30m) {

    /**
     * OpenRouter's {@code ToolChoiceSupport}. The catalog records whether an endpoint takes {@code tool_choice} at all,
     * not value by value, so every value is supported exactly when {@code tool_choice} is among its parameters.
     */
    record ToolChoiceSupport(boolean auto, boolean function, boolean none, boolean required) {

        static ToolChoiceSupport of(List<String> supportedParameters) {
            boolean supported = supportedParameters.contains("tool_choice");
            return new ToolChoiceSupport(supported, supported, supported, supported);
        }
    }
}
