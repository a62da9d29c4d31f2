package io.switchboard.gateway.auth;

import io.switchboard.gateway.FilterOrders;
import io.switchboard.gateway.ManagementRequests;
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
 * not just {@code /api/**}: a path that only decodes to an API path must not slip past. Actuator, on the
 * management port, is left to Kubernetes and Prometheus ({@link ManagementRequests}).
 */
@Component
public class AuthenticationFilter implements WebFilter, Ordered {

    public static final String ATTRIBUTE = AuthenticationFilter.class.getName() + ".key";

    private final ApiKeyAuthenticator authenticator;
    private final ManagementRequests management;

    public AuthenticationFilter(ApiKeyAuthenticator authenticator, ManagementRequests management) {
        this.authenticator = authenticator;
        this.management = management;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (management.isManagement(exchange)) {
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
