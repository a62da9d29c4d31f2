package io.switchboard.billing.activity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class ActivityRoutes {

    @Bean
    RouterFunction<ServerResponse> activityRouter(ActivityHandler handler) {
        return RouterFunctions.route().GET("/api/v1/activity", handler::get).build();
    }
}
