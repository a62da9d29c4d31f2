package io.switchboard.routing.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * OpenRouter's {@code provider} routing preferences ({@code ProviderPreferences} in the contract;
 * https://openrouter.ai/docs/features/provider-routing). Provider names are matched against catalog provider slugs
 * and names, case-insensitively.
 *
 * @param order providers to try first, in this order
 * @param allowFallbacks whether providers outside {@code order} may be tried when those fail (default true)
 * @param requireParameters only endpoints that support every parameter of the request
 * @param dataCollection {@code deny} to exclude providers that may store or train on prompts
 * @param zdr only zero-data-retention providers
 * @param only only these providers
 * @param ignore never these providers
 * @param quantizations only endpoints with one of these quantizations
 * @param sort {@code price}, {@code throughput} or {@code latency} (a string, or an object with {@code by})
 * @param maxPrice highest acceptable prices, USD per million tokens ({@code prompt}, {@code completion}, ...)
 * @param extra other fields, kept
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderPreferences(@Nullable List<String> order, @Nullable Boolean allowFallbacks,
        @Nullable Boolean requireParameters, @Nullable String dataCollection, @Nullable Boolean zdr,
        @Nullable List<String> only, @Nullable List<String> ignore, @Nullable List<String> quantizations,
        @Nullable JsonNode sort, @Nullable Map<String, JsonNode> maxPrice,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public ProviderPreferences {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }
}
