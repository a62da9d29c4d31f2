package io.switchboard.gateway.hygiene;

import io.switchboard.gateway.FilterOrders;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Checks the body of every proxied request that has one ({@link JsonBodies}: 415, 413, 400) before any upstream
 * service sees it, keeps the parsed form for later filters ({@link #ATTRIBUTE}), and forwards the exact bytes read.
 * Not SCG's body caching: that reads a body of any size into memory.
 */
@Component
public class RequestBodyFilter implements GlobalFilter, Ordered {

    /** Exchange attribute: the {@link JsonBody} of a request that has one. */
    public static final String ATTRIBUTE = RequestBodyFilter.class.getName() + ".body";

    private final JsonBodies bodies;

    public RequestBodyFilter(JsonBodies bodies) {
        this.bodies = bodies;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!JsonBodies.hasBody(request)) {
            return chain.filter(exchange);
        }
        return bodies.read(request).flatMap(body -> {
            exchange.getAttributes().put(ATTRIBUTE, body);
            ServerHttpRequest replayed = new ServerHttpRequestDecorator(request) {
                @Override
                public Flux<DataBuffer> getBody() {
                    return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body.bytes())));
                }
            };
            return chain.filter(exchange.mutate().request(replayed).build());
        });
    }

    @Override
    public int getOrder() {
        return FilterOrders.REQUEST_BODY;
    }
}
