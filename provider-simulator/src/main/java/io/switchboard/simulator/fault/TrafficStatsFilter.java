package io.switchboard.simulator.fault;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Counts every provider request ({@code POST} outside {@code /_simulator} and {@code /actuator}) by endpoint prefix,
 * from its arrival to the end of its response: completed, abandoned by the client (the exchange is cancelled when the
 * connection closes) or failed.
 */
final class TrafficStatsFilter implements WebFilter {

    private final TrafficStats stats;

    TrafficStatsFilter(TrafficStats stats) {
        this.stats = stats;
    }

    /**
     * Watches the response body: when the client closes the connection, the server cancels the body (while the
     * exchange itself may still complete normally), which is how a client's disconnect is told apart.
     */
    private static final class ObservedResponse extends ServerHttpResponseDecorator {

        private final AtomicReference<TrafficStats.@Nullable Outcome> body = new AtomicReference<>();

        ObservedResponse(ServerHttpResponse delegate) {
            super(delegate);
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> content) {
            return super.writeWith(observe(Flux.from(content)));
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> content) {
            return super.writeAndFlushWith(observe(Flux.from(content)));
        }

        private <T> Flux<T> observe(Flux<T> content) {
            return content.doOnCancel(() -> body.compareAndSet(null, TrafficStats.Outcome.CANCELLED))
                    .doOnError(failure -> body.compareAndSet(null, TrafficStats.Outcome.FAILED));
        }

        TrafficStats.Outcome outcome(SignalType exchange) {
            TrafficStats.Outcome written = body.get();
            if (written != null) {
                return written;
            }
            return switch (exchange) {
                case ON_COMPLETE -> TrafficStats.Outcome.COMPLETED;
                case CANCEL -> TrafficStats.Outcome.CANCELLED;
                default -> TrafficStats.Outcome.FAILED;
            };
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!HttpMethod.POST.equals(exchange.getRequest().getMethod()) || path.startsWith("/_simulator")
                || path.startsWith("/actuator")) {
            return chain.filter(exchange);
        }
        String prefix = SimulatorPaths.prefixOf(path);
        return Mono.defer(() -> {
            stats.received(prefix, exchange.getRequest().getHeaders().getFirst("traceparent"));
            ObservedResponse response = new ObservedResponse(exchange.getResponse());
            AtomicBoolean ended = new AtomicBoolean();
            return chain.filter(exchange.mutate().response(response).build()).doFinally(signal -> {
                if (ended.compareAndSet(false, true)) {
                    stats.ended(prefix, response.outcome(signal));
                }
            });
        });
    }

}
