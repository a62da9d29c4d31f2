package io.switchboard.routing.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One Resilience4j circuit breaker per provider endpoint, named by the endpoint id, in the registry of the
 * Resilience4j Spring Boot starter (so its metrics are exported like any other breaker).
 *
 * <p>The open-to-half-open transition is driven by the injected clock when a call asks for permission, not by a
 * scheduler thread (Resilience4j's {@code automaticTransitionFromOpenToHalfOpenEnabled} is off). For that to
 * happen, selection must still try an open endpoint once its wait is over: {@link #isDegraded} says an open breaker
 * degrades its endpoint only until then.
 */
@Component
public class EndpointBreakers {

    private final CircuitBreakerRegistry registry;
    private final CircuitBreakerConfig config;
    private final ResilienceProperties.Breaker properties;
    private final Clock clock;
    private final ObjectProvider<BreakerStateListener> listeners;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();

    public EndpointBreakers(CircuitBreakerRegistry registry, ResilienceProperties properties, Clock clock,
            ObjectProvider<BreakerStateListener> listeners) {
        this.registry = registry;
        this.properties = properties.breaker();
        this.config = config(this.properties, clock);
        this.clock = clock;
        this.listeners = listeners;
    }

    static CircuitBreakerConfig config(ResilienceProperties.Breaker breaker, Clock clock) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(breaker.failureRateThreshold())
                .slowCallRateThreshold(breaker.slowCallRateThreshold())
                .slowCallDurationThreshold(breaker.slowCallDurationThreshold())
                .slidingWindow(breaker.slidingWindowSize(), breaker.minimumNumberOfCalls(),
                        breaker.slidingWindowType())
                .permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
                .waitDurationInOpenState(breaker.waitInOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                // Only the provider's faults count against it; a request the provider refused (400) is a success.
                .recordException(ProviderFaults::isProviderFault)
                .writableStackTraceEnabled(false)
                .clock(clock)
                .build();
    }

    /** The breaker of an endpoint, created on first use. */
    public CircuitBreaker of(String endpointId) {
        return breakers.computeIfAbsent(endpointId, this::create);
    }

    /** The breaker of an endpoint if it has been used. */
    public Optional<CircuitBreaker> find(String endpointId) {
        return Optional.ofNullable(breakers.get(endpointId));
    }

    /**
     * Whether the endpoint recently failed enough to open its breaker and is still within the open wait: such an
     * endpoint is tried last (OpenRouter: "prioritize providers that have not seen significant outages").
     */
    public boolean isDegraded(String endpointId, Instant now) {
        CircuitBreaker breaker = breakers.get(endpointId);
        if (breaker == null) {
            return false;
        }
        return switch (breaker.getState()) {
            case FORCED_OPEN -> true;
            case OPEN -> {
                Instant opened = openedAt.get(endpointId);
                yield opened == null || now.isBefore(opened.plus(properties.waitInOpenState()));
            }
            default -> false;
        };
    }

    private CircuitBreaker create(String endpointId) {
        CircuitBreaker breaker = registry.circuitBreaker(endpointId, config);
        breaker.getEventPublisher().onStateTransition(event -> {
            Instant at = clock.instant();
            CircuitBreaker.State to = event.getStateTransition().getToState();
            if (to == CircuitBreaker.State.OPEN) {
                openedAt.put(endpointId, at);
            }
            List<BreakerStateListener> all = listeners.orderedStream().toList();
            all.forEach(listener -> listener.onTransition(endpointId, event.getStateTransition().getFromState(), to,
                    at));
        });
        return breaker;
    }
}
