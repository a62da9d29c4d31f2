package io.switchboard.routing.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Token usage of a completion ({@code ChatUsage} in the contract), with OpenRouter's {@code cost} in USD. As read from
 * an OpenAI-compatible provider, {@code cost} is absent and the details may be.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Usage(long promptTokens, long completionTokens, long totalTokens, @Nullable BigDecimal cost,
        @Nullable Boolean isByok, @Nullable PromptTokensDetails promptTokensDetails,
        @Nullable CompletionTokensDetails completionTokensDetails,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public Usage {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    /**
     * Usage as an adapter reports it, in OpenAI's convention: {@code prompt} includes the cached and cache-written
     * tokens, {@code completion} includes the reasoning tokens. A null detail is one the provider did not report.
     */
    public static Usage of(long prompt, long completion, @Nullable Long cached, @Nullable Long cacheWrite,
            @Nullable Long reasoning) {
        PromptTokensDetails promptDetails = cached == null && cacheWrite == null
                ? null
                : new PromptTokensDetails(cached, cacheWrite);
        CompletionTokensDetails completionDetails = reasoning == null ? null : new CompletionTokensDetails(reasoning);
        return new Usage(prompt, completion, prompt + completion, null, null, promptDetails, completionDetails,
                new LinkedHashMap<>());
    }

    /**
     * @param cachedTokens prompt tokens read from the provider's cache
     * @param cacheWriteTokens prompt tokens written to the provider's cache
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PromptTokensDetails(@Nullable Long cachedTokens, @Nullable Long cacheWriteTokens) {
    }

    /**
     * @param reasoningTokens completion tokens spent on reasoning
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CompletionTokensDetails(@Nullable Long reasoningTokens) {
    }
}
