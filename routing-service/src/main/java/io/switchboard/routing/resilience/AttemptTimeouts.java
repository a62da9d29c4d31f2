package io.switchboard.routing.resilience;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The time limits of {@link ResilienceProperties.Timeouts}: time to first token and stream idle on each attempt, and
 * the total on the whole request. Reactor timers (parallel scheduler), so waiting costs no thread.
 */
@Component
public class AttemptTimeouts {

    private final ResilienceProperties.Timeouts timeouts;

    public AttemptTimeouts(ResilienceProperties properties) {
        this.timeouts = properties.timeouts();
    }

    /** Fails one endpoint's stream with a {@code TimeoutException} when its first chunk or the next one is late. */
    public <T> Flux<T> onStream(Flux<T> stream) {
        return Flux.defer(() -> {
            AtomicBoolean started = new AtomicBoolean();
            return stream.doOnNext(element -> started.set(true))
                    .timeout(Mono.delay(timeouts.timeToFirstToken()), element -> Mono.delay(timeouts.streamIdle()))
                    .onErrorMap(TimeoutException.class,
                            timeout -> ProviderFaults.attemptTimedOut(!started.get(),
                                    started.get() ? timeouts.streamIdle() : timeouts.timeToFirstToken()));
        });
    }

    /**
     * Ends the request with {@link ProviderFaults#requestTimedOut} when it runs past the total timeout, cancelling
     * whatever provider call is under way.
     */
    public <T> Flux<T> total(Flux<T> request) {
        return Flux.defer(() -> {
            AtomicBoolean expired = new AtomicBoolean();
            Mono<Long> deadline = Mono.delay(timeouts.total()).doOnNext(tick -> expired.set(true));
            return request.takeUntilOther(deadline)
                    .concatWith(Mono.defer(() -> expired.get()
                            ? Mono.error(ProviderFaults.requestTimedOut(timeouts.total()))
                            : Mono.empty()));
        });
    }

    /** {@link #total(Flux)} for a non-streamed request. */
    public <T> Mono<T> total(Mono<T> request) {
        return request.timeout(timeouts.total(), Mono.error(() -> ProviderFaults.requestTimedOut(timeouts.total())));
    }
}
