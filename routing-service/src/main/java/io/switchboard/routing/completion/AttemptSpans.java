package io.switchboard.routing.completion;

import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.switchboard.routing.provider.ProviderException;
import io.switchboard.routing.selection.Candidate;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One span per call to a provider endpoint, failover attempts included, from the call until its stream ends, fails or
 * is cancelled (the client went away): the HTTP client span WebClient adds under it ends with the response headers,
 * so it alone would not show how long a stream took. Tags: {@code provider} (slug), {@code endpoint},
 * {@code model} (the upstream model name) and {@code status} ({@code ok}, {@code cancelled}, the provider's HTTP
 * status, or {@code error} for a failure without one: a timeout, a refused connection, an open breaker).
 *
 * <p>The span is made through the Observation API, so the WebClient call inside is its child and the provider gets a
 * {@code traceparent} naming it. The tags are high-cardinality key values, which reach only the span; the timer the
 * observation would also register is denied, as provider metrics are not defined by tracing.
 */
@Configuration(proxyBeanMethods = false)
class AttemptSpans {

    static final String NAME = "switchboard.provider.attempt";

    private final ObservationRegistry registry;

    AttemptSpans(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Bean
    static MeterFilter attemptSpansOnly() {
        return MeterFilter.denyNameStartsWith(NAME);
    }

    /** The attempt's stream, observed from subscription to its end. */
    <T> Flux<T> observe(Candidate candidate, Flux<T> attempt) {
        return Flux.deferContextual(context -> {
            Observation observation = start(candidate, context.getOrDefault(ObservationThreadLocalAccessor.KEY,
                    null));
            Outcome outcome = new Outcome(observation);
            return attempt.doOnComplete(() -> outcome.ended("ok"))
                    .doOnError(outcome::failed)
                    .doOnCancel(() -> outcome.ended("cancelled"))
                    .doFinally(signal -> outcome.stop())
                    .contextWrite(inner -> inner.put(ObservationThreadLocalAccessor.KEY, observation));
        });
    }

    <T> Mono<T> observe(Candidate candidate, Mono<T> attempt) {
        return Mono.deferContextual(context -> {
            Observation observation = start(candidate, context.getOrDefault(ObservationThreadLocalAccessor.KEY,
                    null));
            Outcome outcome = new Outcome(observation);
            return attempt.doOnSuccess(done -> outcome.ended("ok"))
                    .doOnError(outcome::failed)
                    .doOnCancel(() -> outcome.ended("cancelled"))
                    .doFinally(signal -> outcome.stop())
                    .contextWrite(inner -> inner.put(ObservationThreadLocalAccessor.KEY, observation));
        });
    }

    private Observation start(Candidate candidate, @Nullable Observation parent) {
        return Observation.createNotStarted(NAME, registry)
                .contextualName("provider " + candidate.provider().slug())
                .parentObservation(parent)
                .highCardinalityKeyValue("provider", candidate.provider().slug())
                .highCardinalityKeyValue("endpoint", candidate.endpoint().id())
                .highCardinalityKeyValue("model", candidate.endpoint().upstreamModel())
                .start();
    }

    /**
     * How an attempt ended: the first end signal wins. A failed attempt is also cancelled afterwards, when the
     * failover ({@code switchOnFirst}) drops its stream; that cancel must not hide the failure.
     */
    private static final class Outcome {

        private final Observation observation;
        private final AtomicReference<@Nullable String> status = new AtomicReference<>();

        Outcome(Observation observation) {
            this.observation = observation;
        }

        void ended(String how) {
            status.compareAndSet(null, how);
        }

        void failed(Throwable failure) {
            Integer code = failure instanceof ProviderException provider ? provider.status() : null;
            if (status.compareAndSet(null, code == null ? "error" : code.toString())) {
                observation.error(failure);
            }
        }

        void stop() {
            String how = status.get();
            observation.highCardinalityKeyValue("status", how == null ? "cancelled" : how);
            observation.stop();
        }
    }
}
