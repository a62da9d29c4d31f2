package io.switchboard.gateway.hygiene;

import io.switchboard.gateway.FilterOrders;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import reactor.core.publisher.Mono;

/**
 * {@code AllowMethods=GET,POST}: a route answers any other method with 405 and an {@code Allow} header, in
 * OpenRouter's error JSON, instead of passing it upstream. {@code GET} allows {@code HEAD} too. Routes keep only a
 * path predicate, so a wrong method reaches this filter (405) rather than matching no route (404).
 */
@Component
public class AllowMethodsGatewayFilterFactory
        extends
            AbstractGatewayFilterFactory<AllowMethodsGatewayFilterFactory.Config> {

    public AllowMethodsGatewayFilterFactory() {
        super(Config.class);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("methods");
    }

    @Override
    public ShortcutType shortcutType() {
        return ShortcutType.GATHER_LIST;
    }

    @Override
    public GatewayFilter apply(Config config) {
        Set<HttpMethod> allowed = new LinkedHashSet<>();
        config.getMethods().forEach(method -> allowed.add(HttpMethod.valueOf(method.trim())));
        if (allowed.contains(HttpMethod.GET)) {
            allowed.add(HttpMethod.HEAD);
        }
        return new OrderedGatewayFilter((exchange, chain) -> {
            HttpMethod method = exchange.getRequest().getMethod();
            if (!allowed.contains(method)) {
                return Mono.error(new MethodNotAllowedException(method, allowed));
            }
            return chain.filter(exchange);
        }, FilterOrders.ALLOWED_METHODS);
    }

    /** The methods a route accepts. */
    public static class Config {

        private List<String> methods = List.of();

        public List<String> getMethods() {
            return methods;
        }

        public void setMethods(List<String> methods) {
            this.methods = List.copyOf(methods);
        }
    }
}
