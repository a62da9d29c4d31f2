package io.switchboard.routing.selection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Orders the endpoints that passed the filters, as OpenRouter does
 * (https://openrouter.ai/docs/features/provider-routing):
 * <ul>
 * <li>{@code order}: those providers first, in that order; then, if fallbacks are allowed, the others as below.
 * <li>{@code sort} (or a {@code :nitro}/{@code :floor} variant): by that attribute, load balancing off. Unmeasured
 * endpoints come after measured ones, cheapest first.
 * <li>otherwise load balancing: among endpoints without a recent outage, one is drawn with a weight inversely
 * proportional to the square of its price (a $1 endpoint is drawn 9 times as often as a $3 one); the other healthy
 * ones follow cheapest first, and endpoints with a recent outage come last. Free endpoints, having no finite weight,
 * are drawn among themselves first.
 * </ul>
 * In every case, endpoints with a recent outage follow the healthy ones except where {@code order} placed them: an
 * open breaker or a {@code Retry-After} then turns them down quickly and the next is tried.
 */
final class EndpointRanking {

    private static final Comparator<Candidate> CHEAPEST_FIRST = Comparator.comparing(EndpointRanking::unitPrice);

    private final EndpointConditions conditions;
    private final RandomSource random;

    EndpointRanking(EndpointConditions conditions, RandomSource random) {
        this.conditions = conditions;
        this.random = random;
    }

    List<Candidate> rank(List<Candidate> endpoints, RoutingPreferences preferences, @Nullable Sort sort) {
        if (preferences.order().isEmpty()) {
            List<Candidate> ranked = unordered(endpoints, sort);
            return preferences.allowFallbacks() || ranked.isEmpty() ? ranked : List.of(ranked.getFirst());
        }
        Set<Candidate> ordered = new LinkedHashSet<>();
        for (String name : preferences.order()) {
            endpoints.stream()
                    .filter(candidate -> ProviderNames.matches(name, candidate))
                    .sorted(CHEAPEST_FIRST)
                    .forEach(ordered::add);
        }
        List<Candidate> ranked = new ArrayList<>(ordered);
        if (preferences.allowFallbacks()) {
            ranked.addAll(unordered(endpoints.stream().filter(c -> !ordered.contains(c)).toList(), sort));
        }
        return ranked;
    }

    List<Candidate> unordered(List<Candidate> endpoints, @Nullable Sort sort) {
        List<Candidate> healthy = endpoints.stream().filter(c -> !conditions.isDegraded(c.endpoint().id())).toList();
        List<Candidate> degraded = endpoints.stream()
                .filter(c -> conditions.isDegraded(c.endpoint().id()))
                .sorted(sort == null ? CHEAPEST_FIRST : by(sort))
                .toList();
        List<Candidate> ranked = new ArrayList<>(sort == null ? priceWeighted(healthy) : sorted(healthy, sort));
        ranked.addAll(degraded);
        return ranked;
    }

    private List<Candidate> sorted(List<Candidate> endpoints, Sort sort) {
        return endpoints.stream().sorted(by(sort)).toList();
    }

    private Comparator<Candidate> by(Sort sort) {
        return switch (sort) {
            case PRICE -> CHEAPEST_FIRST;
            case THROUGHPUT -> measured(c -> conditions.throughput(c.endpoint().id()), true);
            case LATENCY -> measured(c -> conditions.latency(c.endpoint().id()), false);
        };
    }

    /** Measured endpoints first (best first), then unmeasured ones; ties cheapest first. */
    private static Comparator<Candidate> measured(java.util.function.Function<Candidate, OptionalDouble> metric,
            boolean highestFirst) {
        ToDoubleFunction<Candidate> value = c -> {
            OptionalDouble measured = metric.apply(c);
            if (measured.isEmpty()) {
                return Double.POSITIVE_INFINITY;
            }
            return highestFirst ? -measured.getAsDouble() : measured.getAsDouble();
        };
        return Comparator.comparingDouble(value).thenComparing(CHEAPEST_FIRST);
    }

    private List<Candidate> priceWeighted(List<Candidate> healthy) {
        if (healthy.size() < 2) {
            return healthy;
        }
        List<Candidate> cheapestFirst = healthy.stream().sorted(CHEAPEST_FIRST).toList();
        List<Candidate> free = cheapestFirst.stream().filter(c -> unitPrice(c).signum() == 0).toList();
        Candidate first = free.isEmpty() ? draw(cheapestFirst) : free.get((int) (random.nextDouble() * free.size()));
        List<Candidate> ranked = new ArrayList<>(healthy.size());
        ranked.add(first);
        cheapestFirst.stream().filter(c -> c != first).forEach(ranked::add);
        return ranked;
    }

    /** One endpoint, drawn with probability proportional to 1 / price². */
    private Candidate draw(List<Candidate> priced) {
        double[] weights = new double[priced.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            double price = unitPrice(priced.get(i)).doubleValue();
            weights[i] = 1 / (price * price);
            total += weights[i];
        }
        double point = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            point -= weights[i];
            if (point < 0) {
                return priced.get(i);
            }
        }
        return priced.getLast();
    }

    /** The price compared between endpoints: prompt plus completion price per token. */
    static BigDecimal unitPrice(Candidate candidate) {
        return candidate.endpoint().pricing().prompt().add(candidate.endpoint().pricing().completion());
    }
}
