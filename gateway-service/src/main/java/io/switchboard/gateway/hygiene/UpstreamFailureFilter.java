package io.switchboard.gateway.hygiene;

import io.netty.channel.ConnectTimeoutException;
import io.switchboard.gateway.FilterOrders;
import io.switchboard.kit.error.ApiException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns a failed call to an internal service into a clear error in OpenRouter's JSON instead of a bare 500: 503 when
 * the service could not be reached (the request never left: {@link #NOT_SENT_ATTRIBUTE} is set, which the credit
 * gate relies on to release at once), 502 when it closed or reset the connection without answering. Nothing is
 * retried: a POST may have started a generation.
 */
@Component
public class UpstreamFailureFilter implements GlobalFilter, Ordered {

    /** Exchange attribute, {@link Boolean#TRUE} when the upstream call failed before the request was sent. */
    public static final String NOT_SENT_ATTRIBUTE = UpstreamFailureFilter.class.getName() + ".notSent";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorMap(failure -> !(failure instanceof ApiException), failure -> {
            if (notSent(failure)) {
                exchange.getAttributes().put(NOT_SENT_ATTRIBUTE, Boolean.TRUE);
                return new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                        "The service behind this endpoint is unavailable; nothing was processed, retry shortly");
            }
            if (hasCause(failure, IOException.class)) {
                return new ApiException(HttpStatus.BAD_GATEWAY,
                        "The service behind this endpoint dropped the connection without answering");
            }
            return failure;
        });
    }

    private static boolean notSent(Throwable failure) {
        return hasCause(failure, ConnectException.class) || hasCause(failure, ConnectTimeoutException.class)
                || hasCause(failure, UnknownHostException.class);
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return FilterOrders.UPSTREAM_FAILURES;
    }
}
