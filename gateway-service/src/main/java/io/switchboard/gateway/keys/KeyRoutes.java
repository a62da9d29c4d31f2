package io.switchboard.gateway.keys;

import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import io.switchboard.gateway.hygiene.MethodDispatch;
import io.switchboard.gateway.ratelimit.RateLimitHandlerFilter;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The keys API's routes. Router functions are consulted before the gateway's proxied routes, so these paths are
 * served here; every request is authenticated by then and counts against the caller's requests-per-minute limit.
 */
@Configuration(proxyBeanMethods = false)
public class KeyRoutes {

    @Bean
    RouterFunction<ServerResponse> keyApi(KeysHandler keys, RateLimitHandlerFilter rateLimit) {
        return RouterFunctions.route(path("/api/v1/key"), MethodDispatch.of(Map.of(HttpMethod.GET, keys::current)))
                // OpenRouter's own examples create keys with a trailing slash.
                .andRoute(path("/api/v1/keys").or(path("/api/v1/keys/")), MethodDispatch.of(Map.of(
                        HttpMethod.GET, keys::list, HttpMethod.POST, keys::create)))
                .andRoute(path("/api/v1/keys/{hash}"), MethodDispatch.of(Map.of(HttpMethod.GET, keys::get,
                        HttpMethod.PATCH, keys::update, HttpMethod.DELETE, keys::delete)))
                .filter(rateLimit);
    }
}
