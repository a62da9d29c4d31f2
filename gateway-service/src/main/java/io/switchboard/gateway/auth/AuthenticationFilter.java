package io.switchboard.gateway.auth;

import io.switchboard.gateway.FilterOrders;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Refuses every routed request without a valid API key (401, OpenRouter's error JSON) before it goes anywhere. */
@Component
public class AuthenticationFilter implements GlobalFilter, Ordered {

    public static final String ATTRIBUTE = AuthenticationFilter.class.getName() + ".key";

    private final ApiKeyAuthenticator authenticator;

    public AuthenticationFilter(ApiKeyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return Mono.defer(() -> authenticator.authenticate(exchange.getRequest().getHeaders())).flatMap(key -> {
            exchange.getAttributes().put(ATTRIBUTE, key);
            return chain.filter(exchange);
        });
    }

    @Override
    public int getOrder() {
        return FilterOrders.AUTHENTICATION;
    }
}
