package io.switchboard.routing.completion;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class ChatRoutes {

    @Bean
    RouterFunction<ServerResponse> chatCompletionRoutes(ChatCompletionHandler handler) {
        return RouterFunctions.route().POST("/api/v1/chat/completions", handler::handle).build();
    }
}
