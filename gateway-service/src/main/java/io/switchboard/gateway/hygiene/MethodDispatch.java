package io.switchboard.gateway.hygiene;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import reactor.core.publisher.Mono;

/**
 * One path of the gateway's own endpoints, dispatched by method: any other method answers 405 with an
 * {@code Allow} header (a path-only router match, so a wrong method never falls through to a 404).
 */
public final class MethodDispatch {

    private MethodDispatch() {
    }

    public static HandlerFunction<ServerResponse> of(Map<HttpMethod, HandlerFunction<ServerResponse>> handlers) {
        Map<HttpMethod, HandlerFunction<ServerResponse>> byMethod = new LinkedHashMap<>(handlers);
        if (byMethod.containsKey(HttpMethod.GET)) {
            byMethod.putIfAbsent(HttpMethod.HEAD, byMethod.get(HttpMethod.GET));
        }
        return request -> {
            HandlerFunction<ServerResponse> handler = byMethod.get(request.method());
            if (handler == null) {
                return Mono.error(new MethodNotAllowedException(request.method(), byMethod.keySet()));
            }
            return handler.handle(request);
        };
    }
}
