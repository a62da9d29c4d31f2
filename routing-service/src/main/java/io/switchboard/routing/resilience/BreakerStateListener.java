package io.switchboard.routing.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Instant;

/** Told when the circuit breaker of an endpoint changes state, for example to share it with other replicas. */
public interface BreakerStateListener {

    /**
     * Called on the thread that caused the transition (often an event loop): must not block.
     *
     * @param endpointId the catalog endpoint
     * @param from the state it left
     * @param to the state it entered
     * @param at when
     */
    void onTransition(String endpointId, CircuitBreaker.State from, CircuitBreaker.State to, Instant at);
}
