package io.switchboard.gateway.auth;

import io.switchboard.gateway.FilterOrders;
import io.switchboard.kit.error.ApiException;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses every request on the public port without a valid API key (401, OpenRouter's error JSON) before anything
 * else spends work on it. A web filter rather than a gateway filter because it guards both the proxied routes and
 * the gateway's own endpoints ({@code /api/v1/key}, {@code /keys}, {@code /admin/tenants}). Every path is guarded,
 * not just {@code /api/**}: a path that only decodes to an API path must not slip past. Actuator on the management
 * port is left alone ({@link ManagementPort}).
 */
@Component
public class AuthenticationFilter implements WebFilter, Ordered {

    public static final String ATTRIBUTE = AuthenticationFilter.class.getName() + ".key";

    private final ApiKeyAuthenticator authenticator;
    private final ManagementPort managementPort;

    public AuthenticationFilter(ApiKeyAuthenticator authenticator, ManagementPort managementPort) {
        this.authenticator = authenticator;
        this.managementPort = managementPort;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (managementPort.received(exchange.getRequest())) {
            // Probes and scrapes on the management port, which only the cluster reaches (NetworkPolicy).
            return chain.filter(exchange);
        }
        return Mono.defer(() -> authenticator.authenticate(exchange.getRequest().getHeaders())).flatMap(key -> {
            exchange.getAttributes().put(ATTRIBUTE, key);
            return chain.filter(exchange);
        });
    }

    /** The authenticated caller; 401 if there is none (a handler reached without this filter fails closed). */
    public static ApiKeyRecord callerOf(ServerWebExchange exchange) {
        ApiKeyRecord key = exchange.getAttribute(ATTRIBUTE);
        if (key == null) {
            throw ApiException.unauthorized("Missing Authentication header");
        }
        return key;
    }

    @Override
    public int getOrder() {
        return FilterOrders.AUTHENTICATION;
    }
}
