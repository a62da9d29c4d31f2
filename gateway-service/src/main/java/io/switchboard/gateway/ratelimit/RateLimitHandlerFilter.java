package io.switchboard.gateway.ratelimit;

import io.switchboard.gateway.auth.AuthenticationFilter;
import io.switchboard.gateway.requestid.RequestIdFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The caller's requests-per-minute limit on the gateway's own endpoints (keys API, operator API). */
@Component
public class RateLimitHandlerFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private final KeyRateLimiter limiter;

    public RateLimitHandlerFilter(KeyRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        return Mono.defer(() -> limiter.admit(AuthenticationFilter.callerOf(request.exchange()),
                RequestIdFilter.of(request.exchange()), 0)).flatMap(decision -> {
                    request.exchange().getResponse().getHeaders().putAll(decision.headers());
                    return next.handle(request);
                });
    }
}
