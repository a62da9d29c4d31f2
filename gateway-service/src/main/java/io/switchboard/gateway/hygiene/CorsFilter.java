package io.switchboard.gateway.hygiene;

import io.switchboard.gateway.FilterOrders;
import io.switchboard.kit.error.ApiException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for the whole public API, before authentication so a browser's preflight (which carries no key) gets its
 * answer. Off by default ({@link CorsProperties}). Spring's {@code CorsWebFilter} is not used because it refuses a
 * request with an empty 403; here a refusal is OpenRouter's error JSON like every other one.
 */
@Component
public class CorsFilter implements WebFilter, Ordered {

    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final CorsConfiguration configuration;
    private final boolean enabled;

    public CorsFilter(CorsProperties properties) {
        this.enabled = properties.enabled();
        this.configuration = new CorsConfiguration();
        configuration.setAllowedOriginPatterns(properties.allowedOrigins());
        configuration.setAllowedMethods(properties.allowedMethods());
        configuration.setAllowedHeaders(properties.allowedHeaders());
        configuration.setExposedHeaders(properties.exposedHeaders());
        configuration.setAllowCredentials(properties.allowCredentials());
        configuration.setMaxAge(properties.maxAge());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!enabled || !CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (!processor.process(configuration, exchange)) {
            return Mono.error(new ApiException(HttpStatus.FORBIDDEN,
                    "Cross-origin request refused: origin, method or headers not allowed"));
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return FilterOrders.CORS;
    }
}
