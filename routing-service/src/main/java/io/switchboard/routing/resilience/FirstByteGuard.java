package io.switchboard.routing.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.switchboard.routing.provider.ProviderException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Puts a circuit breaker around the part of a provider stream before its first element, which is all a breaker
 * should judge: what comes after cannot be failed over, and a long generation is not a slow call.
 *
 * <p>Resilience4j's {@link CircuitBreakerOperator} on a {@code Flux} would measure the whole stream. So the operator
 * is applied, with {@code transformDeferred} as Resilience4j documents
 * (https://resilience4j.readme.io/docs/examples-1#decorate-mono-or-flux-with-a-circuitbreaker), to a {@code Mono}
 * that completes when the stream's first element arrives and fails with the stream's error if none does. That
 * {@code Mono} is subscribed first: an open breaker rejects it synchronously and the provider is never called. A
 * cancel before the first element (the client went away) releases the permission without counting a result.
 */
public final class FirstByteGuard {

    private static final ProviderException EMPTY = ProviderException.truncated("Provider returned an empty stream");

    private FirstByteGuard() {
    }

    public static <T> Flux<T> guard(Flux<T> upstream, CircuitBreaker breaker) {
        return Flux.defer(() -> {
            Sinks.Empty<Void> firstElement = Sinks.empty();
            Flux<T> judged = firstElement.asMono()
                    .transformDeferred(CircuitBreakerOperator.of(breaker))
                    // The stream's own error reaches the subscriber through the stream; only a rejection is new.
                    .onErrorResume(failure -> failure instanceof CallNotPermittedException
                            ? Mono.error(failure)
                            : Mono.empty())
                    .thenMany(Flux.empty());
            Flux<T> observed = upstream.doOnNext(element -> firstElement.tryEmitEmpty())
                    .doOnError(firstElement::tryEmitError)
                    .doOnComplete(() -> firstElement.tryEmitError(EMPTY));
            return Flux.merge(judged, observed);
        });
    }
}
