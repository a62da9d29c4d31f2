package io.switchboard.billing.generation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class GenerationRoutes {

    @Bean
    RouterFunction<ServerResponse> generationRouter(GenerationHandler handler) {
        return RouterFunctions.route().GET("/api/v1/generation", handler::get).build();
    }
}
