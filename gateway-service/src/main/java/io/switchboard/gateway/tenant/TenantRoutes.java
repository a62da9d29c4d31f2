package io.switchboard.gateway.tenant;

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

/** The operator API's routes (served by the gateway itself, before its proxied routes). */
@Configuration(proxyBeanMethods = false)
public class TenantRoutes {

    @Bean
    RouterFunction<ServerResponse> tenantApi(TenantsHandler tenants, RateLimitHandlerFilter rateLimit) {
        return RouterFunctions.route(path("/api/v1/admin/tenants"), MethodDispatch.of(Map.of(HttpMethod.GET,
                tenants::list, HttpMethod.POST, tenants::create)))
                .andRoute(path("/api/v1/admin/tenants/{tenant}"), MethodDispatch.of(Map.of(HttpMethod.GET,
                        tenants::get)))
                .andRoute(path("/api/v1/admin/tenants/{tenant}/keys"), MethodDispatch.of(Map.of(HttpMethod.GET,
                        tenants::listKeys, HttpMethod.POST, tenants::createKey)))
                .andRoute(path("/api/v1/admin/tenants/{tenant}/keys/{hash}"), MethodDispatch.of(Map.of(
                        HttpMethod.DELETE, tenants::deleteKey)))
                .filter(rateLimit);
    }
}
