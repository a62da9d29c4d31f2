package io.switchboard.routing.selection;

import io.switchboard.kit.error.ApiException;
import io.switchboard.routing.chat.ProviderPreferences;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The {@code provider} object of a request, checked and in the form selection uses
 * (https://openrouter.ai/docs/features/provider-routing). Provider names are kept as given; {@link ProviderNames}
 * matches them. A name no provider has simply matches nothing, as on OpenRouter.
 *
 * @param order providers to try first, in this order
 * @param allowFallbacks whether endpoints outside {@code order} (or after the first, without an order) may be tried
 * @param requireParameters only endpoints that support every parameter of the request
 * @param denyDataCollection only providers that neither store prompts nor train on them
 * @param zeroDataRetention only providers that do not store prompts
 * @param only only these providers, null for any
 * @param ignore never these providers
 * @param quantizations only endpoints with one of these quantizations (lower case), null for any
 * @param sort the order to try endpoints in instead of price-weighted load balancing, null for load balancing
 * @param sortAcrossModels {@code sort.partition: "none"}: sort the endpoints of every requested model together
 * @param maxPrice the highest acceptable prices
 */
record RoutingPreferences(List<String> order, boolean allowFallbacks, boolean requireParameters,
        boolean denyDataCollection, boolean zeroDataRetention, @Nullable List<String> only, List<String> ignore,
        @Nullable Set<String> quantizations, @Nullable Sort sort, boolean sortAcrossModels, MaxPrice maxPrice) {

    static final RoutingPreferences DEFAULT = new RoutingPreferences(List.of(), true, false, false, false, null,
            List.of(), null, null, false, MaxPrice.NONE);

    static RoutingPreferences of(@Nullable ProviderPreferences provider) {
        if (provider == null) {
            return DEFAULT;
        }
        return new RoutingPreferences(names(provider.order()), !Boolean.FALSE.equals(provider.allowFallbacks()),
                Boolean.TRUE.equals(provider.requireParameters()), denyDataCollection(provider.dataCollection()),
                Boolean.TRUE.equals(provider.zdr()), provider.only() == null ? null : names(provider.only()),
                names(provider.ignore()), quantizations(provider.quantizations()), sort(provider.sort()),
                partitionNone(provider.sort()), MaxPrice.of(provider.maxPrice()));
    }

    private static List<String> names(@Nullable List<String> names) {
        return names == null ? List.of() : names.stream().filter(Objects::nonNull).toList();
    }

    private static boolean denyDataCollection(@Nullable String value) {
        if (value == null || value.equals("allow")) {
            return false;
        }
        if (value.equals("deny")) {
            return true;
        }
        throw ApiException.badRequest("provider.data_collection: must be \"allow\" or \"deny\", was \"" + value + "\"");
    }

    private static @Nullable Set<String> quantizations(@Nullable List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.stream()
                .filter(Objects::nonNull)
                .map(value -> value.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** {@code "price"}, or {@code {"by": "price", "partition": "model" | "none"}}. */
    private static @Nullable Sort sort(@Nullable JsonNode sort) {
        if (sort == null || sort.isNull()) {
            return null;
        }
        JsonNode by = sort.isObject() ? sort.get("by") : sort;
        if (by == null || by.isNull()) {
            return null;
        }
        Sort parsed = by.isString() ? Sort.parse(by.asString()) : null;
        if (parsed == null) {
            throw ApiException.badRequest("provider.sort" + (sort.isObject() ? ".by" : "")
                    + ": must be \"price\", \"throughput\" or \"latency\", was " + by);
        }
        return parsed;
    }

    private static boolean partitionNone(@Nullable JsonNode sort) {
        if (sort == null || !sort.isObject()) {
            return false;
        }
        JsonNode partition = sort.get("partition");
        if (partition == null || partition.isNull() || partition.asString("").equals("model")) {
            return false;
        }
        if (partition.asString("").equals("none")) {
            return true;
        }
        throw ApiException.badRequest("provider.sort.partition: must be \"model\" or \"none\", was " + partition);
    }

    /**
     * {@code provider.max_price}: USD per million tokens for {@code prompt} and {@code completion}, USD per request
     * and per image for {@code request} and {@code image}. Null means no limit.
     */
    record MaxPrice(@Nullable BigDecimal prompt, @Nullable BigDecimal completion, @Nullable BigDecimal request,
            @Nullable BigDecimal image) {

        static final MaxPrice NONE = new MaxPrice(null, null, null, null);

        static MaxPrice of(@Nullable Map<String, JsonNode> maxPrice) {
            if (maxPrice == null) {
                return NONE;
            }
            return new MaxPrice(amount(maxPrice, "prompt"), amount(maxPrice, "completion"),
                    amount(maxPrice, "request"), amount(maxPrice, "image"));
        }

        boolean isNone() {
            return prompt == null && completion == null && request == null && image == null;
        }

        private static @Nullable BigDecimal amount(Map<String, JsonNode> maxPrice, String field) {
            JsonNode value = maxPrice.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            try {
                BigDecimal amount = value.isNumber()
                        ? value.decimalValue()
                        : value.isString() ? new BigDecimal(value.asString().trim()) : null;
                if (amount != null && amount.signum() >= 0) {
                    return amount;
                }
            } catch (NumberFormatException notANumber) {
                // refused below
            }
            throw ApiException.badRequest("provider.max_price." + field
                    + ": must be a non-negative number of USD, was " + value);
        }
    }
}
