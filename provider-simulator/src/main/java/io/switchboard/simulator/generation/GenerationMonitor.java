package io.switchboard.simulator.generation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Observes generations: Prometheus metrics for benchmarks, and a feed of outcomes that lets a test prove a client's
 * disconnect stopped the generation instead of letting it run to the end unseen.
 */
public final class GenerationMonitor {

    /** Concurrent generations may finish at the same instant; the sink admits one emitter at a time. */
    private static final Sinks.EmitFailureHandler RETRY_WHEN_CONTENDED = Sinks.EmitFailureHandler
            .busyLooping(Duration.ofMillis(100));

    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private final Sinks.Many<GenerationOutcome> outcomes = Sinks.many().multicast().directBestEffort();
    private final Counter tokens;
    private final MeterRegistry registry;

    public GenerationMonitor(MeterRegistry registry) {
        this.registry = registry;
        this.tokens = Counter.builder("simulator.tokens")
                .description("Reply tokens sent to clients")
                .register(registry);
        registry.gauge("simulator.generations.active", active, Set::size);
    }

    void started(String id) {
        active.add(id);
    }

    void tokensEmitted(int count) {
        tokens.increment(count);
    }

    void finished(GenerationOutcome outcome) {
        active.remove(outcome.id());
        registry.counter("simulator.generations", "outcome", outcome.status().name().toLowerCase()).increment();
        outcomes.emitNext(outcome, RETRY_WHEN_CONTENDED);
    }

    /** Whether the generation with this id has started and not yet ended. */
    public boolean isActive(String id) {
        return active.contains(id);
    }

    /** Outcomes from the moment of subscription on (hot; nothing is replayed). */
    public Flux<GenerationOutcome> outcomes() {
        return outcomes.asFlux();
    }
}
