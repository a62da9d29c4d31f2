package io.switchboard.simulator.anthropic;

import io.switchboard.simulator.generation.Generator;
import io.switchboard.simulator.reply.IdGenerator;
import io.switchboard.simulator.reply.ReplyPlanner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The Messages endpoint under {@code /v1} and under any prefix: the local stack gives the Anthropic provider the base
 * URL {@code http://host:port/anthropic/v1}, and its adapter appends {@code /messages}.
 */
@Configuration(proxyBeanMethods = false)
public class AnthropicRoutes {

    static final String MESSAGES = "/v1/messages";

    private static final RequestPredicate MESSAGES_UNDER_ANY_PREFIX = request -> HttpMethod.POST.equals(
            request.method()) && request.requestPath().pathWithinApplication().value().endsWith(MESSAGES);

    @Bean
    RouterFunction<ServerResponse> anthropicMessages(ReplyPlanner planner, Generator generator, IdGenerator ids) {
        return routes(new AnthropicMessagesHandler(planner, generator, ids));
    }

    static RouterFunction<ServerResponse> routes(AnthropicMessagesHandler handler) {
        return RouterFunctions.route(MESSAGES_UNDER_ANY_PREFIX, handler::messages);
    }
}
