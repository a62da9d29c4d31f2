package io.switchboard.routing.completion;

import io.switchboard.catalog.api.Pricing;
import io.switchboard.routing.chat.ChatMessage;
import io.switchboard.routing.chat.Usage;
import io.switchboard.routing.selection.Candidate;
import io.switchboard.routing.usage.TokenEstimator;
import io.switchboard.routing.usage.UsagePublisher;
import io.switchboard.usage.Cost;
import io.switchboard.usage.Outcome;
import io.switchboard.usage.PriceSnapshot;
import io.switchboard.usage.TokenUsage;
import io.switchboard.usage.UsageData;
import io.switchboard.usage.UsageEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns what a {@link GenerationTracker} saw into billed usage: the token counts (the provider's, or counted with a
 * tokenizer when it reported none), the cost at the serving endpoint's prices, the {@code usage} object returned to
 * the client and the one usage event of the generation.
 */
@Component
public class UsageRecorder {

    static final String SOURCE = "/switchboard/routing-service";

    private final TokenEstimator estimator;
    private final UsagePublisher publisher;
    private final Clock clock;

    public UsageRecorder(TokenEstimator estimator, UsagePublisher publisher, Clock clock) {
        this.estimator = estimator;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The tokens of the generation so far. */
    public TokenUsage tokens(GenerationTracker tracker) {
        List<ChatMessage> messages = tracker.generation().request().messages();
        long images = messages == null ? 0 : messages.stream().mapToLong(ChatMessage::images).sum();
        Usage reported = tracker.providerUsage();
        if (reported != null) {
            long cached = reported.promptTokensDetails() == null
                    || reported.promptTokensDetails().cachedTokens() == null
                            ? 0
                            : reported.promptTokensDetails().cachedTokens();
            long cacheWrite = reported.promptTokensDetails() == null
                    || reported.promptTokensDetails().cacheWriteTokens() == null
                            ? 0
                            : reported.promptTokensDetails().cacheWriteTokens();
            long reasoning = reported.completionTokensDetails() == null
                    || reported.completionTokensDetails().reasoningTokens() == null
                            ? 0
                            : reported.completionTokensDetails().reasoningTokens();
            return new TokenUsage(reported.promptTokens(), reported.completionTokens(), cached, cacheWrite, reasoning,
                    images, false);
        }
        long prompt = messages == null ? 0 : estimator.countPrompt(messages);
        long completion = estimator.count(tracker.completionText());
        long reasoning = Math.min(completion, estimator.count(tracker.reasoningText()));
        return new TokenUsage(prompt, completion, 0, 0, reasoning, images, true);
    }

    /** The {@code usage} object the client sees, with OpenRouter's {@code cost}. */
    public Usage clientUsage(TokenUsage tokens, Candidate servedBy) {
        BigDecimal cost = Cost.of(tokens, priceOf(servedBy.endpoint().pricing()));
        return new Usage(tokens.promptTokens(), tokens.completionTokens(), tokens.totalTokens(), cost, false,
                new Usage.PromptTokensDetails(tokens.cachedTokens(),
                        tokens.cacheWriteTokens() > 0 ? tokens.cacheWriteTokens() : null),
                new Usage.CompletionTokensDetails(tokens.reasoningTokens()), new LinkedHashMap<>());
    }

    /**
     * Publishes the generation's usage event, once, if an endpoint was called. A request that failed on every
     * endpoint before any produced a byte used no billable tokens and records nothing.
     *
     * @return the event's data if this call published it, otherwise null
     */
    public @Nullable UsageData record(GenerationTracker tracker, Outcome outcome) {
        Candidate billedTo = tracker.billedTo();
        if (billedTo == null || !tracker.claimRecording()) {
            return null;
        }
        Generation generation = tracker.generation();
        TokenUsage tokens = tokens(tracker);
        PriceSnapshot price = priceOf(billedTo.endpoint().pricing());
        Instant now = clock.instant();
        Instant firstToken = tracker.firstTokenAt();
        UsageData data = new UsageData(generation.id(), generation.identity().tenantId(),
                generation.identity().keyId(), generation.identity().requestId(), generation.requestedModel(),
                billedTo.model().id(), billedTo.provider().slug(), billedTo.provider().name(), billedTo.endpoint().id(),
                tracker.upstreamId(),
                generation.request().isStream(), outcome, tracker.finishReason(), tracker.nativeFinishReason(),
                tokens, price, Cost.of(tokens, price), generation.createdAt(),
                Duration.between(generation.createdAt(), now).toMillis(),
                firstToken == null ? null : Duration.between(generation.createdAt(), firstToken).toMillis(),
                tracker.failover(), generation.httpReferer(), generation.appTitle(), generation.request().user());
        publisher.publish(UsageEvent.of(SOURCE, now, data), generation.traceContext());
        return data;
    }

    static PriceSnapshot priceOf(Pricing pricing) {
        return new PriceSnapshot(pricing.prompt(), pricing.completion(), pricing.request(), pricing.image(),
                pricing.inputCacheRead(), pricing.inputCacheWrite(), pricing.internalReasoning());
    }
}
