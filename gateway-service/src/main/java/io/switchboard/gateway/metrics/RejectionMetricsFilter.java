package io.switchboard.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.gateway.FilterOrders;
import io.switchboard.gateway.ManagementRequests;
import io.switchboard.gateway.hygiene.UpstreamFailureFilter;
import io.switchboard.kit.error.ApiException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * {@code switchboard.gateway.rejections}: every request the gateway answers with an error of its own, by reason
 * (rate limit, credit gate, authentication, Redis unavailable, request hygiene), counted where the error leaves the
 * filter chain, so a refusal is counted once whichever filter raised it. Answers passed through from the services
 * behind the gateway are not rejections; they show in {@code http.server.requests} by status.
 *
 * <p>The tag is only the reason: never the key or the tenant, whose number has no bound.
 */
@Component
public class RejectionMetricsFilter implements WebFilter, Ordered {

    private final MeterRegistry registry;
    private final ManagementRequests management;

    public RejectionMetricsFilter(MeterRegistry registry, ManagementRequests management) {
        this.registry = registry;
        this.management = management;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (management.isManagement(exchange)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange)
                .doOnError(failure -> Counter.builder("switchboard.gateway.rejections")
                        .description("Requests the gateway refused itself, by reason")
                        .tag("reason", reason(failure, exchange))
                        .register(registry)
                        .increment());
    }

    static String reason(Throwable failure, ServerWebExchange exchange) {
        HttpStatusCode status = statusOf(failure);
        if (status == null) {
            return "internal_error";
        }
        return switch (status.value()) {
            case 400 -> "bad_request";
            case 401 -> "unauthenticated";
            case 402 -> "credit";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> isTokenLimit(failure) ? "rate_limit_tokens" : "rate_limit_requests";
            case 502 -> "upstream_failure";
            // The gateway's own 503s come from Redis (authentication, rate limits, credit gate), except a service
            // behind it that could not be reached.
            case 503 -> Boolean.TRUE.equals(exchange.getAttribute(UpstreamFailureFilter.NOT_SENT_ATTRIBUTE))
                    ? "upstream_unavailable"
                    : "redis_unavailable";
            default -> status.is5xxServerError() ? "internal_error" : "other";
        };
    }

    private static @Nullable HttpStatusCode statusOf(Throwable failure) {
        if (failure instanceof ApiException api) {
            return api.status();
        }
        if (failure instanceof ResponseStatusException status) {
            return status.getStatusCode();
        }
        return null;
    }

    /** The rate limiter names the limit that refused in the error's metadata. */
    private static boolean isTokenLimit(Throwable failure) {
        Map<String, Object> metadata = failure instanceof ApiException api ? api.metadata() : null;
        return metadata != null && "tokens_per_minute".equals(metadata.get("limit"));
    }

    @Override
    public int getOrder() {
        return FilterOrders.REJECTION_METRICS;
    }
}
