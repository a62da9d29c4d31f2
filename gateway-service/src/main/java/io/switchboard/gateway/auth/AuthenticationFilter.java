package io.switchboard.gateway.auth;

import io.switchboard.gateway.FilterOrders;
import io.switchboard.kit.error.ApiException;
import java.net.InetSocketAddress;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
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
 * not just {@code /api/**}: a path that only decodes to an API path must not slip past. Actuator is on the
 * management port, where WebFlux applies the application's web filters too (spring-boot#32173): requests that
 * arrived on any port other than the public one pass, so probes and Prometheus need no key. Until the public server
 * has started, every request is guarded.
 */
@Component
public class AuthenticationFilter implements WebFilter, Ordered {

    public static final String ATTRIBUTE = AuthenticationFilter.class.getName() + ".key";

    private final ApiKeyAuthenticator authenticator;
    private volatile int publicPort = -1;

    public AuthenticationFilter(ApiKeyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** The main context's server is the public one; the management child context has its own namespace. */
    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            publicPort = event.getWebServer().getPort();
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        if (publicPort > 0 && local != null && local.getPort() != publicPort) {
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
