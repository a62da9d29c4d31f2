package io.switchboard.simulator.gemini;

import io.switchboard.simulator.generation.Generator;
import io.switchboard.simulator.reply.IdGenerator;
import io.switchboard.simulator.reply.ReplyPlanner;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Gemini's methods under {@code /v1beta} and {@code /v1}, each under any prefix:
 * {@code <prefix>/v1beta/models/<model>:generateContent} as Google serves it, and
 * {@code <prefix>/v1/models/<model>:...} for the local stack, whose catalog points every provider at
 * {@code http://host:port/<provider>/v1}.
 */
@Configuration(proxyBeanMethods = false)
public class GeminiRoutes {

    static final String GENERATE = ":generateContent";
    static final String STREAM = ":streamGenerateContent";

    private static final RequestPredicate GENERATE_CONTENT = request -> HttpMethod.POST.equals(request.method())
            && model(request) != null;

    @Bean
    RouterFunction<ServerResponse> geminiGenerateContent(ReplyPlanner planner, Generator generator, IdGenerator ids) {
        return routes(new GeminiGenerateHandler(planner, generator, ids));
    }

    static RouterFunction<ServerResponse> routes(GeminiGenerateHandler handler) {
        return RouterFunctions.route(GENERATE_CONTENT, request -> handler.generate(request,
                Objects.requireNonNull(model(request)), path(request).endsWith(STREAM)));
    }

    /** The model of a {@code .../v1beta/models/<model>:<method>} or {@code .../v1/models/...} path, else null. */
    static @Nullable String model(ServerRequest request) {
        String path = path(request);
        if (!path.endsWith(GENERATE) && !path.endsWith(STREAM)) {
            return null;
        }
        int models = Math.max(path.lastIndexOf("/v1beta/models/"), path.lastIndexOf("/v1/models/"));
        if (models < 0) {
            return null;
        }
        String rest = path.substring(path.indexOf("/models/", models) + "/models/".length());
        int colon = rest.lastIndexOf(':');
        String model = rest.substring(0, colon);
        return model.isEmpty() || model.contains("/") ? null : model;
    }

    private static String path(ServerRequest request) {
        return request.requestPath().pathWithinApplication().value();
    }
}
