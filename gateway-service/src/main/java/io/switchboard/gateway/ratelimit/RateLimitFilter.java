package io.switchboard.gateway.ratelimit;

import io.switchboard.gateway.FilterOrders;
import io.switchboard.gateway.auth.ApiKeyRecord;
import io.switchboard.gateway.auth.AuthenticationFilter;
import io.switchboard.gateway.requestid.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Applies the caller's rate limits to every proxied request (429 with the rate-limit headers when over), taking the
 * request's token estimate ({@link #TOKENS_ATTRIBUTE}, set by the chat cost estimate) from the tokens-per-minute
 * bucket in the same step. Admitted responses carry the rate-limit headers too. Not SCG's RequestRateLimiter: that
 * answers 429 with an empty body and its {@code RateLimiter} SPI has no way to take a request's token cost.
 *
 * <p>When the response turns out to carry no {@code X-Generation-Id} (nothing was generated: refused by the credit
 * gate or by routing, or routing was unreachable), the token estimate is given back at once.
 */
@Component
public class RateLimitFilter implements GlobalFilter, Ordered {

    /** Exchange attribute: the request's token estimate ({@link Long}), for requests that generate tokens. */
    public static final String TOKENS_ATTRIBUTE = RateLimitFilter.class.getName() + ".tokens";

    /** The response header by which routing says a generation happened. */
    public static final String GENERATION_ID_HEADER = "X-Generation-Id";

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final KeyRateLimiter limiter;

    public RateLimitFilter(KeyRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ApiKeyRecord key = AuthenticationFilter.callerOf(exchange);
        String requestId = RequestIdFilter.of(exchange);
        Long tokens = exchange.getAttribute(TOKENS_ATTRIBUTE);
        long estimate = tokens == null ? 0 : tokens;
        return limiter.admit(key, requestId, estimate).flatMap(decision -> {
            exchange.getResponse().getHeaders().putAll(decision.headers());
            if (estimate > 0) {
                exchange.getResponse().beforeCommit(() -> refundIfNothingGenerated(exchange, key, requestId));
            }
            return chain.filter(exchange);
        });
    }

    private Mono<Void> refundIfNothingGenerated(ServerWebExchange exchange, ApiKeyRecord key, String requestId) {
        if (exchange.getResponse().getHeaders().containsHeader(GENERATION_ID_HEADER)) {
            return Mono.empty();
        }
        return limiter.correct(key.hash(), requestId, 0).onErrorResume(failure -> {
            log.warn("Token estimate of {} not given back (it expires instead): {}", requestId, failure.toString());
            return Mono.empty();
        }).then();
    }

    @Override
    public int getOrder() {
        return FilterOrders.RATE_LIMIT;
    }
}
