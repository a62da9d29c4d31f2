package io.switchboard.gateway.credit;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.api.Endpoint;
import io.switchboard.catalog.api.Model;
import io.switchboard.catalog.api.Pricing;
import io.switchboard.catalog.api.Provider;
import io.switchboard.gateway.auth.ApiKeyRecord;
import io.switchboard.gateway.ratelimit.RateLimitProperties;
import io.switchboard.kit.error.ApiException;
import io.switchboard.ledger.Nanodollars;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The most a chat request can cost, from its body and the catalog copy, before anything is forwarded. Per candidate
 * endpoint (every enabled endpoint of {@code model} and of each {@code models} fallback), the bound is:
 *
 * <ul>
 * <li>prompt tokens: at most the body's size in bytes (every token of a byte-level tokenizer is at least one byte,
 * and JSON escaping only adds bytes), plus a fixed overhead for what providers wrap around a request, plus a fixed
 * count per image; for prompts with other media (files, audio, video), or when that exceeds it, the endpoint's
 * context length. Priced at the higher of the prompt and cache-write prices;</li>
 * <li>completion tokens: {@code max_tokens} / {@code max_completion_tokens} (the larger, if both), the endpoint's
 * largest completion and its context length, whichever is smallest, times {@code n}. Priced at the higher of the
 * completion and reasoning prices;</li>
 * <li>plus the per-image and per-request prices.</li>
 * </ul>
 *
 * The request's bound is the highest endpoint bound, since one generation is served by one endpoint. It is a bound,
 * not a forecast: billing settles the real cost, and the reservation is released. The token estimate for the
 * tokens-per-minute limit is a forecast instead (body bytes per token, plus the requested or a default completion),
 * corrected by the real usage afterwards.
 */
@Component
public class CostEstimator {

    /** OpenAI's largest {@code n}; more choices than this is refused rather than reserved for. */
    static final int MAX_CHOICES = 128;

    /** Used only for an endpoint without a context length (the catalog requires one): a generous bound. */
    private static final long UNKNOWN_CONTEXT = 2_000_000;

    private final CreditProperties credit;
    private final RateLimitProperties rateLimits;

    public CostEstimator(CreditProperties credit, RateLimitProperties rateLimits) {
        this.credit = credit;
        this.rateLimits = rateLimits;
    }

    /**
     * The request's cost bound; 400 for a body it cannot bound (no model, bad numbers, unknown model), 403 for a
     * model the key may not use.
     */
    public ChatCost estimate(JsonNode body, long bodyBytes, CatalogSnapshot catalog, ApiKeyRecord key) {
        if (!body.isObject()) {
            throw ApiException.badRequest("Request body must be a JSON object");
        }
        List<String> models = requestedModels(body);
        for (String model : models) {
            if (!key.allows(model)) {
                throw new ApiException(HttpStatus.FORBIDDEN, "Model " + model + " is not allowed for this API key",
                        Map.of("allowed_models", key.allowedModels() == null ? List.of() : key.allowedModels()));
            }
        }
        Long requestedCompletion = requestedCompletion(body);
        long choices = choices(body);
        Prompt prompt = prompt(body.get("messages"));
        Map<String, Provider> providers = catalog.providersBySlug();
        BigDecimal bound = BigDecimal.ZERO;
        for (String id : models) {
            Model model = model(catalog, id);
            for (Endpoint endpoint : catalog.endpointsOf(model.id())) {
                Provider provider = providers.get(endpoint.provider());
                if (endpoint.disabled() || provider == null || provider.disabled()) {
                    continue;
                }
                bound = bound.max(endpointBound(endpoint, bodyBytes, prompt, requestedCompletion, choices));
            }
        }
        long completionForecast = requestedCompletion != null
                ? requestedCompletion
                : rateLimits.defaultCompletionTokens();
        long tokens = saturatedAdd(ceilDiv(bodyBytes, rateLimits.bytesPerToken()),
                saturatedMultiply(completionForecast, choices));
        return new ChatCost(models, nanodollars(bound), tokens);
    }

    private BigDecimal endpointBound(Endpoint endpoint, long bodyBytes, Prompt prompt,
            @Nullable Long requestedCompletion, long choices) {
        long context = endpoint.contextLength() > 0 ? endpoint.contextLength() : UNKNOWN_CONTEXT;
        long promptTokens = prompt.unbounded()
                ? context
                : Math.min(context, saturatedAdd(saturatedAdd(bodyBytes, credit.promptOverheadTokens()),
                        saturatedMultiply(prompt.images(), credit.tokensPerImage())));
        long completionTokens = context;
        if (endpoint.maxCompletionTokens() != null && endpoint.maxCompletionTokens() > 0) {
            completionTokens = Math.min(completionTokens, endpoint.maxCompletionTokens());
        }
        if (requestedCompletion != null) {
            completionTokens = Math.min(completionTokens, requestedCompletion);
        }
        Pricing price = endpoint.pricing();
        return BigDecimal.valueOf(promptTokens)
                .multiply(max(price.prompt(), price.inputCacheWrite()))
                .add(BigDecimal.valueOf(completionTokens)
                        .multiply(BigDecimal.valueOf(choices))
                        .multiply(max(price.completion(), price.internalReasoning())))
                .add(BigDecimal.valueOf(prompt.images()).multiply(orZero(price.image())))
                .add(orZero(price.request()));
    }

    /** {@code model} then {@code models}, without duplicates, as routing reads them. */
    static List<String> requestedModels(JsonNode body) {
        Set<String> ids = new LinkedHashSet<>();
        JsonNode model = body.get("model");
        if (model != null && !model.isNull()) {
            if (!model.isString()) {
                throw ApiException.badRequest("model: must be a string");
            }
            if (!model.asString().isBlank()) {
                ids.add(model.asString());
            }
        }
        JsonNode models = body.get("models");
        if (models != null && !models.isNull()) {
            if (!models.isArray()) {
                throw ApiException.badRequest("models: must be an array of model ids");
            }
            for (JsonNode fallback : models) {
                if (!fallback.isString() || fallback.asString().isBlank()) {
                    throw ApiException.badRequest("models: must be an array of model ids");
                }
                ids.add(fallback.asString());
            }
        }
        if (ids.isEmpty()) {
            throw ApiException.badRequest("model: a model id is required");
        }
        return List.copyOf(ids);
    }

    private static Model model(CatalogSnapshot catalog, String id) {
        Optional<Model> exact = catalog.model(id);
        int variant = id.indexOf(':');
        Optional<Model> found = exact.isPresent() || variant < 0 ? exact : catalog.model(id.substring(0, variant));
        return found.filter(model -> !model.disabled())
                .orElseThrow(() -> ApiException.badRequest(id + " is not a valid model ID"));
    }

    private static @Nullable Long requestedCompletion(JsonNode body) {
        Long maxTokens = nonNegative(body, "max_tokens");
        Long maxCompletionTokens = nonNegative(body, "max_completion_tokens");
        if (maxTokens == null) {
            return maxCompletionTokens;
        }
        return maxCompletionTokens == null ? maxTokens : Math.max(maxTokens, maxCompletionTokens);
    }

    private static long choices(JsonNode body) {
        JsonNode n = body.get("n");
        if (n == null || n.isNull()) {
            return 1;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 1 || n.asLong() > MAX_CHOICES) {
            throw ApiException.badRequest("n: must be an integer from 1 to " + MAX_CHOICES);
        }
        return n.asLong();
    }

    private static @Nullable Long nonNegative(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw ApiException.badRequest(field + ": must be a non-negative integer");
        }
        return value.asLong();
    }

    /** What the messages hold besides text: images are bounded per image, other media only by the context. */
    private static Prompt prompt(@Nullable JsonNode messages) {
        long images = 0;
        boolean unbounded = false;
        if (messages != null && messages.isArray()) {
            for (JsonNode message : messages) {
                JsonNode content = message.get("content");
                if (content == null || !content.isArray()) {
                    continue;
                }
                for (JsonNode part : content) {
                    String type = part.path("type").asString("");
                    switch (type) {
                        case "text" -> {
                        }
                        case "image_url", "input_image" -> images++;
                        default -> unbounded = true;
                    }
                }
            }
        }
        return new Prompt(images, unbounded);
    }

    private record Prompt(long images, boolean unbounded) {
    }

    private static long nanodollars(BigDecimal usd) {
        try {
            return Nanodollars.fromUsd(usd);
        } catch (ArithmeticException beyondLong) {
            return Long.MAX_VALUE;
        }
    }

    private static BigDecimal max(BigDecimal price, @Nullable BigDecimal other) {
        return other == null ? price : price.max(other);
    }

    private static BigDecimal orZero(@Nullable BigDecimal price) {
        return price == null ? BigDecimal.ZERO : price;
    }

    private static long ceilDiv(long value, long divisor) {
        return (value + divisor - 1) / divisor;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high != 0 || low < 0 ? Long.MAX_VALUE : low;
    }
}
