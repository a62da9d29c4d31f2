package io.switchboard.kit.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * W3C trace context as plain headers, for what travels outside HTTP calls (the usage events on Kafka): the headers of
 * a span, and a new span continuing the trace such headers name. HTTP calls need none of this: WebFlux, WebClient and
 * the gateway propagate {@code traceparent} themselves.
 */
public final class TraceHeaders {

    private final Propagator propagator;

    public TraceHeaders(Propagator propagator) {
        this.propagator = propagator;
    }

    /**
     * The headers ({@code traceparent}, and {@code tracestate} when there is one) of the server span of a request,
     * to carry its trace on to work the request causes later; empty when the request has no span.
     */
    public Map<String, String> of(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(this::of)
                .orElse(Map.of());
    }

    /** The headers of the span of an observation; empty when it has none (no tracing). */
    public Map<String, String> of(Observation.ContextView observation) {
        TracingObservationHandler.TracingContext tracing = observation
                .get(TracingObservationHandler.TracingContext.class);
        Span span = tracing == null ? null : tracing.getSpan();
        if (span == null || span.isNoop()) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        propagator.inject(span.context(), headers, Map::put);
        return Map.copyOf(headers);
    }

    /**
     * Starts a span of {@code kind} that continues the trace the headers carry (as a child of the span that sent
     * them), or a new trace when they carry none. The caller ends it.
     *
     * @param headers the header values by name (null when absent)
     */
    public Span continueFrom(String name, Span.Kind kind, Function<String, @Nullable String> headers) {
        Span.Builder builder = propagator.extract(headers, (carrier, key) -> carrier.apply(key));
        return builder.name(name).kind(kind).start();
    }
}
