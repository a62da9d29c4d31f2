package io.switchboard.routing.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.switchboard.routing.selection.Candidate;
import io.switchboard.usage.TokenUsage;
import io.switchboard.usage.UsageData;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The generations routing-service serves, as Prometheus sees them (names in the README's Metrics section).
 *
 * <p>Tags are bounded by the catalog: model, provider and endpoint ids, plus small closed sets (outcome, stream,
 * token type, error kind). Never the tenant, the key or the request: those grow without bound, and a time series per
 * tenant would make Prometheus the billing system; per-tenant figures live in billing's activity API and the usage
 * topic.
 */
@Component
public class RoutingMetrics {

    /** No endpoint was involved (every candidate was skipped or the generation ended before one was called). */
    static final String NONE = "none";

    public static final String SUCCESS = "success";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";
    public static final String ERROR = "error";

    // Explicit buckets (not Micrometer's ~70 percentile-histogram buckets): what histogram_quantile needs for LLM
    // latencies, from a cached reply to a long reasoning stream, at a dozen series per model and provider.
    private static final Duration[] DURATION_BUCKETS = seconds(0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300);
    private static final Duration[] FIRST_TOKEN_BUCKETS = seconds(0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10,
            30);

    private final MeterRegistry registry;
    private final AtomicInteger openStreams = new AtomicInteger();

    public RoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("switchboard.routing.streams.open", openStreams, AtomicInteger::get)
                .description("Streamed generations being sent to clients")
                .register(registry);
    }

    /** A streamed generation started; {@link #finished} closes it. */
    public void streamOpened() {
        openStreams.incrementAndGet();
    }

    /**
     * A generation ended.
     *
     * @param requestedModel the model asked for, the tag when no endpoint was involved
     * @param endpoint the endpoint that served it or was being called, null if none
     * @param outcome {@code success}, {@code failed} (after the first byte), {@code cancelled} or {@code error}
     *        (nothing served)
     * @param stream whether the client asked for a stream
     * @param usage its usage event, null when none was published (nothing billable)
     */
    public void finished(String requestedModel, @Nullable Candidate endpoint, String outcome, boolean stream,
            @Nullable UsageData usage) {
        if (stream) {
            openStreams.decrementAndGet();
        }
        String model = endpoint == null ? requestedModel : endpoint.model().id();
        String provider = endpoint == null ? NONE : endpoint.provider().slug();
        Counter.builder("switchboard.routing.requests")
                .description("Generations by how they ended")
                .tags(Tags.of("model", model, "provider", provider, "endpoint",
                        endpoint == null ? NONE : endpoint.endpoint().id(), "outcome", outcome, "stream",
                        Boolean.toString(stream)))
                .register(registry)
                .increment();
        if (usage == null) {
            return;
        }
        Tags byModel = Tags.of("model", usage.servedModel(), "provider", usage.provider());
        // A cancelled generation's duration is the client's choice, not a latency.
        if (!outcome.equals(CANCELLED)) {
            Tags timed = byModel.and("stream", Boolean.toString(stream));
            Timer.builder("switchboard.routing.request.duration")
                    .description("From a generation's arrival to its last byte")
                    .serviceLevelObjectives(DURATION_BUCKETS)
                    .tags(timed)
                    .register(registry)
                    .record(Duration.ofMillis(usage.latencyMs()));
            if (usage.timeToFirstTokenMs() != null) {
                Timer.builder("switchboard.routing.time.to.first.token")
                        .description("From a generation's arrival to its first token")
                        .serviceLevelObjectives(FIRST_TOKEN_BUCKETS)
                        .tags(timed)
                        .register(registry)
                        .record(Duration.ofMillis(usage.timeToFirstTokenMs()));
            }
        }
        TokenUsage tokens = usage.usage();
        tokens(byModel, "prompt", tokens.promptTokens());
        tokens(byModel, "completion", tokens.completionTokens());
        tokens(byModel, "reasoning", tokens.reasoningTokens());
        tokens(byModel, "cached", tokens.cachedTokens());
        tokens(byModel, "cache_write", tokens.cacheWriteTokens());
        Counter.builder("switchboard.routing.cost")
                .description("Cost of the generations at the serving endpoints' prices, as billed")
                .baseUnit("usd")
                .tags(byModel)
                .register(registry)
                .increment(usage.cost().doubleValue());
    }

    /** A call to an endpoint failed, before its first byte (then failed over or answered with an error) or after. */
    public void attemptFailed(Candidate endpoint, Throwable failure) {
        Counter.builder("switchboard.routing.upstream.errors")
                .description("Failed provider calls by kind")
                .tags(endpointTags(endpoint).and("kind", UpstreamErrorKind.of(failure).tag()))
                .register(registry)
                .increment();
    }

    /** The generation moves on from this endpoint (failed or skipped) to the next candidate. */
    public void failedOver(Candidate from) {
        Counter.builder("switchboard.routing.failovers")
                .description("Moves to the next candidate endpoint, by the endpoint left")
                .tags(endpointTags(from))
                .register(registry)
                .increment();
    }

    private void tokens(Tags byModel, String type, long count) {
        Counter counter = Counter.builder("switchboard.routing.tokens")
                .description("Tokens of the generations, as billed (reasoning is part of completion, cached and"
                        + " cache_write of prompt)")
                .baseUnit("tokens")
                .tags(byModel.and("type", type))
                .register(registry);
        if (count > 0) {
            counter.increment(count);
        }
    }

    private static Tags endpointTags(Candidate endpoint) {
        return Tags.of("model", endpoint.model().id(), "provider", endpoint.provider().slug(), "endpoint",
                endpoint.endpoint().id());
    }

    private static Duration[] seconds(double... values) {
        Duration[] buckets = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            buckets[i] = Duration.ofNanos(Math.round(values[i] * 1_000_000_000L));
        }
        return buckets;
    }
}
