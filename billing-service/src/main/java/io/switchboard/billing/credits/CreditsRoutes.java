package io.switchboard.billing.credits;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class CreditsRoutes {

    @Bean
    RouterFunction<ServerResponse> creditsRouter(CreditsHandler credits, AdminCreditsHandler admin) {
        return RouterFunctions.route()
                .GET("/api/v1/credits", credits::get)
                .POST("/api/v1/admin/credits", admin::topUp)
                .GET("/api/v1/admin/credits/{tenant}", admin::tenant)
                .build();
    }
}
