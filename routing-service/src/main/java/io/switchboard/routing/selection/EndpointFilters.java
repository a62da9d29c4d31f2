package io.switchboard.routing.selection;

import io.switchboard.catalog.api.DataPolicy;
import io.switchboard.catalog.api.Pricing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The hard constraints of a request on endpoints, each with the reason a request gets when it leaves none. Applied in
 * a fixed order, so the reason named is that of the first constraint nothing passed.
 */
final class EndpointFilters {

    private static final BigDecimal PER_MILLION = BigDecimal.valueOf(1_000_000);

    /**
     * @param reason completes "No endpoints found for {model} ..."
     * @param keeps whether an endpoint passes
     */
    record Filter(String reason, Predicate<Candidate> keeps) {
    }

    /**
     * @param candidates the endpoints that passed every filter
     * @param reason why none passed, null when some did or none were given
     */
    record Result(List<Candidate> candidates, @Nullable String reason) {
    }

    private EndpointFilters() {
    }

    /**
     * @param maxTokens the completion limit the request asks for, null for none
     * @param parameters the request's parameters, computed only when {@code require_parameters} asks for them
     */
    static List<Filter> of(RoutingPreferences preferences, @Nullable Integer maxTokens,
            Supplier<Set<String>> parameters) {
        List<Filter> filters = new ArrayList<>();
        String providers = "that match your provider preferences";
        if (preferences.only() != null) {
            filters.add(new Filter(providers, c -> ProviderNames.matchesAny(preferences.only(), c)));
        }
        if (!preferences.ignore().isEmpty()) {
            filters.add(new Filter(providers, c -> !ProviderNames.matchesAny(preferences.ignore(), c)));
        }
        if (!preferences.order().isEmpty() && !preferences.allowFallbacks()) {
            // "false: use only the primary/custom provider" (ProviderPreferences.allow_fallbacks in the contract)
            filters.add(new Filter(providers, c -> ProviderNames.matchesAny(preferences.order(), c)));
        }
        Set<String> quantizations = preferences.quantizations();
        if (quantizations != null) {
            filters.add(new Filter("with the requested quantizations",
                    c -> quantizations.contains(c.endpoint().quantization().toLowerCase(Locale.ROOT))));
        }
        if (preferences.denyDataCollection()) {
            filters.add(new Filter("matching your data policy (data_collection: deny)", c -> {
                DataPolicy policy = c.provider().dataPolicy();
                return !policy.training() && !policy.retainsPrompts();
            }));
        }
        if (preferences.zeroDataRetention()) {
            filters.add(new Filter("with zero data retention", c -> !c.provider().dataPolicy().retainsPrompts()));
        }
        if (!preferences.maxPrice().isNone()) {
            filters.add(new Filter("within your max_price", c -> withinMaxPrice(c, preferences.maxPrice())));
        }
        if (maxTokens != null) {
            // OpenRouter "will only route to providers that support a response of that length".
            filters.add(new Filter("that allow max_tokens " + maxTokens, c -> {
                Long limit = c.endpoint().maxCompletionTokens();
                return limit == null || maxTokens <= limit;
            }));
        }
        if (preferences.requireParameters()) {
            filters.add(new Filter("that support all the parameters of your request (require_parameters)",
                    c -> c.endpoint().supportedParameters().containsAll(parameters.get())));
        }
        return filters;
    }

    static Result apply(List<Candidate> candidates, List<Filter> filters) {
        List<Candidate> left = candidates;
        for (Filter filter : filters) {
            List<Candidate> kept = left.stream().filter(filter.keeps()).toList();
            if (kept.isEmpty() && !left.isEmpty()) {
                return new Result(kept, filter.reason());
            }
            left = kept;
        }
        return new Result(left, null);
    }

    private static boolean withinMaxPrice(Candidate candidate, RoutingPreferences.MaxPrice max) {
        Pricing pricing = candidate.endpoint().pricing();
        return atMost(pricing.prompt().multiply(PER_MILLION), max.prompt())
                && atMost(pricing.completion().multiply(PER_MILLION), max.completion())
                && atMost(orZero(pricing.request()), max.request()) && atMost(orZero(pricing.image()), max.image());
    }

    private static boolean atMost(BigDecimal price, @Nullable BigDecimal max) {
        return max == null || price.compareTo(max) <= 0;
    }

    private static BigDecimal orZero(@Nullable BigDecimal price) {
        return price == null ? BigDecimal.ZERO : price;
    }
}
