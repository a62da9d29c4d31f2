package io.switchboard.billing.generation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.billing.charge.Charge;
import io.switchboard.usage.Outcome;
import io.switchboard.usage.PriceSnapshot;
import io.switchboard.usage.TokenUsage;
import io.switchboard.usage.UsageData;
import io.switchboard.usage.UsageEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One generation in OpenRouter's {@code GenerationResponse.data} shape. Every field the contract requires is written,
 * null where Switchboard has nothing to say (no presets, moderation, web search or BYOK). Times are milliseconds.
 * {@code total_cost} is the exact cost from the event's price snapshot; {@code usage} is what was charged against
 * credit, the same rounded up to a whole nanodollar (they differ only for prices finer than a nanodollar per token).
 * {@code tokens_*} and {@code native_tokens_*} are both the provider's own counts: Switchboard does not re-tokenize.
 * The app is identified by its {@code HTTP-Referer} ({@code origin}, {@code http_referer}); the contract has no field
 * for the {@code X-Title}, which stays in the stored event.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GenerationView(String id, @Nullable String upstreamId, BigDecimal totalCost,
        @Nullable BigDecimal cacheDiscount, @Nullable BigDecimal upstreamInferenceCost, String createdAt, String model,
        @Nullable Long appId, boolean streamed, boolean cancelled, String providerName, long latency,
        @Nullable Long moderationLatency, @Nullable Long generationTime, @Nullable String finishReason,
        @Nullable String serviceTier, long tokensPrompt, long tokensCompletion, long nativeTokensPrompt,
        long nativeTokensCompletion, long nativeTokensCompletionImages, long nativeTokensReasoning,
        long nativeTokensCached, long numMediaPrompt, long numInputAudioPrompt, long numMediaCompletion,
        long numSearchResults, long numFetches, @Nullable String webSearchEngine, String origin, BigDecimal usage,
        boolean isByok, @Nullable String nativeFinishReason, @Nullable String externalUser, String apiType,
        @Nullable String presetId, @Nullable String router, List<ProviderResponse> providerResponses,
        @Nullable String userAgent, @Nullable String httpReferer, String dataRegion, @Nullable String workspaceId,
        @Nullable String requestId, @Nullable String sessionId) {

    /**
     * One endpoint tried for the generation, in order; the last is the one that served it.
     *
     * @param status the provider's HTTP status, null for a connection failure
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProviderResponse(@Nullable Integer status, String endpointId, String modelPermaslug, long latency,
            boolean isByok) {
    }

    public static GenerationView of(UsageEvent event, Charge charge) {
        UsageData data = event.data();
        List<ProviderResponse> responses = new ArrayList<>();
        data.failover()
                .forEach(attempt -> responses.add(new ProviderResponse(attempt.status(), attempt.endpointId(),
                        attempt.model(), attempt.latencyMs(), false)));
        long failoverTime = data.failover().stream().mapToLong(attempt -> attempt.latencyMs()).sum();
        responses.add(new ProviderResponse(data.outcome() == Outcome.FAILED ? 502 : 200, data.endpointId(),
                data.servedModel(), Math.max(0, data.latencyMs() - failoverTime), false));
        Long ttft = data.timeToFirstTokenMs();
        long tokensPrompt = data.usage().promptTokens();
        long tokensCompletion = data.usage().completionTokens();
        return new GenerationView(data.generationId(), data.upstreamId(), charge.cost(),
                cacheDiscount(data.usage(), data.price()), null,
                data.createdAt().toString(), data.servedModel(), null, data.streamed(),
                data.outcome() == Outcome.CANCELLED, data.providerName(), data.latencyMs(), null,
                ttft == null ? null : data.latencyMs() - ttft, data.finishReason(), null, tokensPrompt,
                tokensCompletion, tokensPrompt, tokensCompletion, 0, data.usage().reasoningTokens(),
                data.usage().cachedTokens(), data.usage().imageInputs(), 0, 0, 0, 0, null,
                data.httpReferer() == null ? "" : data.httpReferer(), charge.charged(), false,
                data.nativeFinishReason(),
                data.user(), "completions", null, null, List.copyOf(responses), null, data.httpReferer(), "global",
                null, data.requestId(), null);
    }

    /**
     * What reading from (or writing to) the provider's prompt cache saved against the plain prompt price; negative
     * when cache writes cost more than they saved. Null when no cached token was priced differently.
     */
    static @Nullable BigDecimal cacheDiscount(TokenUsage usage, PriceSnapshot price) {
        @Nullable
        BigDecimal discount = null;
        if (usage.cachedTokens() > 0 && price.inputCacheRead() != null) {
            discount = price.prompt()
                    .subtract(price.inputCacheRead())
                    .multiply(BigDecimal.valueOf(usage.cachedTokens()));
        }
        if (usage.cacheWriteTokens() > 0 && price.inputCacheWrite() != null) {
            BigDecimal writes = price.prompt()
                    .subtract(price.inputCacheWrite())
                    .multiply(BigDecimal.valueOf(usage.cacheWriteTokens()));
            discount = discount == null ? writes : discount.add(writes);
        }
        return discount == null ? null : discount.stripTrailingZeros();
    }
}
