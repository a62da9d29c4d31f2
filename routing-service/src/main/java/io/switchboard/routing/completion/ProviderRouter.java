package io.switchboard.routing.completion;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.switchboard.catalog.api.WireFormat;
import io.switchboard.kit.error.ApiException;
import io.switchboard.routing.chat.ChatChunk;
import io.switchboard.routing.chat.ChatCompletion;
import io.switchboard.routing.metrics.RoutingMetrics;
import io.switchboard.routing.provider.ProviderAdapter;
import io.switchboard.routing.provider.ProviderCall;
import io.switchboard.routing.provider.ProviderException;
import io.switchboard.routing.resilience.AttemptTimeouts;
import io.switchboard.routing.resilience.EndpointBreakers;
import io.switchboard.routing.resilience.FirstByteGuard;
import io.switchboard.routing.resilience.ProviderFaults;
import io.switchboard.routing.resilience.RetryAfterCooldowns;
import io.switchboard.routing.selection.Candidate;
import io.switchboard.routing.stats.EndpointStatsRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Calls the candidates of a request in order until one answers. A candidate is abandoned only for a failure that is
 * the provider's ({@link ProviderFaults#isProviderFault}) and only before it produced anything: once a first chunk
 * has been passed on, the stream belongs to that endpoint. Each call goes through the endpoint's circuit breaker
 * (on the wait for its first byte, {@link FirstByteGuard}) and the time-to-first-token and idle timeouts; the whole
 * request through the total timeout. Endpoints that asked for a pause with {@code Retry-After} and endpoints whose
 * breaker is open are skipped without a call.
 *
 * <p>When nothing was served, the failure reaches the caller as an {@link ApiException} ({@link RoutingErrors});
 * after the first byte, as the provider's failure, for the error chunk.
 */
@Component
public class ProviderRouter {

    private final Map<WireFormat, ProviderAdapter> adapters = new EnumMap<>(WireFormat.class);
    private final Environment environment;
    private final Clock clock;
    private final EndpointBreakers breakers;
    private final RetryAfterCooldowns cooldowns;
    private final AttemptTimeouts timeouts;
    private final EndpointStatsRecorder stats;
    private final RoutingMetrics metrics;
    private final AttemptSpans spans;

    public ProviderRouter(List<ProviderAdapter> adapters, Environment environment, Clock clock,
            EndpointBreakers breakers, RetryAfterCooldowns cooldowns, AttemptTimeouts timeouts,
            EndpointStatsRecorder stats, RoutingMetrics metrics, AttemptSpans spans) {
        adapters.forEach(adapter -> this.adapters.put(adapter.wireFormat(), adapter));
        this.environment = environment;
        this.clock = clock;
        this.breakers = breakers;
        this.cooldowns = cooldowns;
        this.timeouts = timeouts;
        this.stats = stats;
        this.metrics = metrics;
        this.spans = spans;
    }

    public Set<WireFormat> supportedFormats() {
        return adapters.keySet();
    }

    public Mono<ChatCompletion> complete(List<Candidate> candidates, GenerationTracker tracker) {
        return timeouts.total(complete(candidates, 0, tracker))
                .onErrorMap(failure -> !(failure instanceof ApiException),
                        failure -> RoutingErrors.clientError(failure, tracker));
    }

    private Mono<ChatCompletion> complete(List<Candidate> candidates, int index, GenerationTracker tracker) {
        Candidate candidate = candidates.get(index);
        String endpointId = candidate.endpoint().id();
        return Mono.defer(() -> {
            Optional<ProviderException> pause = pause(candidate, tracker);
            if (pause.isPresent()) {
                return failOver(candidates, index, pause.get())
                        ? complete(candidates, index + 1, tracker)
                        : Mono.error(pause.get());
            }
            tracker.attempting(candidate, clock.instant());
            return spans.observe(candidate, adapter(candidate).complete(call(candidate, tracker))
                    .onErrorMap(ProviderFaults::asProviderException))
                    // Not streamed: the whole response is the first byte.
                    .transformDeferred(CircuitBreakerOperator.of(breakers.of(endpointId)))
                    .onErrorMap(CallNotPermittedException.class, ProviderFaults::asProviderException)
                    .doOnNext(completion -> tracker.served(candidate, clock.instant()))
                    .onErrorResume(failure -> {
                        failed(candidate, failure, tracker);
                        return failOver(candidates, index, failure)
                                ? complete(candidates, index + 1, tracker)
                                : Mono.error(failure);
                    });
        });
    }

    public Flux<ChatChunk> stream(List<Candidate> candidates, GenerationTracker tracker) {
        return timeouts.total(stream(candidates, 0, tracker))
                .onErrorMap(failure -> tracker.served() == null && !(failure instanceof ApiException),
                        failure -> RoutingErrors.clientError(failure, tracker));
    }

    private Flux<ChatChunk> stream(List<Candidate> candidates, int index, GenerationTracker tracker) {
        Candidate candidate = candidates.get(index);
        return Flux.defer(() -> {
            Optional<ProviderException> pause = pause(candidate, tracker);
            if (pause.isPresent()) {
                return failOver(candidates, index, pause.get())
                        ? stream(candidates, index + 1, tracker)
                        : Flux.error(pause.get());
            }
            tracker.attempting(candidate, clock.instant());
            Flux<ChatChunk> upstream = spans.observe(candidate, adapter(candidate).stream(call(candidate, tracker))
                    .transform(timeouts::onStream)
                    .onErrorMap(ProviderFaults::asProviderException));
            return FirstByteGuard.guard(upstream, breakers.of(candidate.endpoint().id()))
                    .onErrorMap(CallNotPermittedException.class, ProviderFaults::asProviderException)
                    .switchOnFirst((first, chunks) -> {
                        if (first.hasValue()) {
                            tracker.served(candidate, clock.instant());
                            return chunks;
                        }
                        Throwable failure = first.isOnError()
                                ? first.getThrowable()
                                : ProviderException.truncated("Provider returned an empty stream");
                        failed(candidate, failure, tracker);
                        return failOver(candidates, index, failure)
                                ? stream(candidates, index + 1, tracker)
                                : Flux.error(failure);
                    });
        });
    }

    /** A reason not to call the candidate at all: it asked for a pause with {@code Retry-After}. */
    private Optional<ProviderException> pause(Candidate candidate, GenerationTracker tracker) {
        Instant now = clock.instant();
        return cooldowns.coolingUntil(candidate.endpoint().id(), now).map(until -> {
            ProviderException skip = ProviderFaults.coolingDown(until, Duration.between(now, until));
            tracker.skipped(candidate, skip);
            return skip;
        });
    }

    /** Notes an attempt that produced nothing: in the trail, the statistics and, with Retry-After, the cool-downs. */
    private void failed(Candidate candidate, Throwable failure, GenerationTracker tracker) {
        String endpointId = candidate.endpoint().id();
        if (ProviderFaults.isBreakerOpen(failure)) {
            tracker.skipped(candidate, failure);
            return;
        }
        Instant now = clock.instant();
        tracker.failed(candidate, failure, now);
        stats.attemptFailed(endpointId, ProviderFaults.isProviderFault(failure));
        metrics.attemptFailed(candidate, failure);
        if (failure instanceof ProviderException provider && provider.retryAfter() != null
                && provider.status() != null && (provider.status() == 429 || provider.status() == 503)) {
            cooldowns.coolDown(endpointId, provider.retryAfter(), now);
        }
    }

    /** Whether to try the next candidate: the failure is the provider's and one is left. */
    private boolean failOver(List<Candidate> candidates, int index, Throwable failure) {
        boolean next = ProviderFaults.isProviderFault(failure) && index + 1 < candidates.size();
        if (next) {
            metrics.failedOver(candidates.get(index));
        }
        return next;
    }

    private ProviderAdapter adapter(Candidate candidate) {
        return adapters.get(candidate.provider().wireFormat());
    }

    private ProviderCall call(Candidate candidate, GenerationTracker tracker) {
        String credentialEnv = candidate.provider().credentialEnv();
        String apiKey = credentialEnv == null ? null : environment.getProperty(credentialEnv);
        return new ProviderCall(candidate.provider(), candidate.endpoint(), tracker.generation().request(), apiKey);
    }
}
