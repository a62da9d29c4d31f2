package io.switchboard.simulator.openai;

import io.switchboard.simulator.fault.FaultRegistry;
import io.switchboard.simulator.generation.Generator;
import io.switchboard.simulator.reply.IdGenerator;
import io.switchboard.simulator.reply.ReplyPlanner;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The OpenAI chat-completions endpoint, under {@code /v1} and under any prefix: the local stack gives every
 * OpenAI-compatible provider a base URL {@code http://host:port/<provider-slug>/v1} on this one server.
 */
@Configuration(proxyBeanMethods = false)
public class OpenAiRoutes {

    static final String CHAT_COMPLETIONS = "/v1/chat/completions";

    /** A suffix match rather than a path pattern: the prefix may have any number of segments. */
    private static final RequestPredicate CHAT_COMPLETIONS_UNDER_ANY_PREFIX = request -> HttpMethod.POST.equals(
            request.method()) && request.requestPath().pathWithinApplication().value().endsWith(CHAT_COMPLETIONS);

    @Bean
    RouterFunction<ServerResponse> openAiChatCompletions(ReplyPlanner planner, Generator generator, Clock clock,
            IdGenerator ids, FaultRegistry faults) {
        return routes(new OpenAiChatHandler(planner, generator, clock, ids, faults));
    }

    static RouterFunction<ServerResponse> routes(OpenAiChatHandler handler) {
        return RouterFunctions.route(CHAT_COMPLETIONS_UNDER_ANY_PREFIX, handler::chatCompletions);
    }
}
