package io.switchboard.gateway.requestid;

import io.switchboard.gateway.FilterOrders;
import io.switchboard.gateway.ManagementRequests;
import io.switchboard.kit.ids.RandomIds;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id of the gateway's own ({@code X-Request-Id} on the response, forwarded inside the signed
 * identity). A client-sent {@code X-Request-Id} is not trusted: it is replaced, so log correlation cannot be spoofed.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    private final RandomIds ids;
    private final ManagementRequests management;

    public RequestIdFilter(RandomIds ids, ManagementRequests management) {
        this.ids = ids;
        this.management = management;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (management.isManagement(exchange)) {
            return chain.filter(exchange);
        }
        String id = ids.next("req-", 24);
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().getHeaders().set(HEADER, id);
        ServerWebExchange withoutClientId = exchange.mutate()
                .request(request -> request.headers(headers -> headers.remove(HEADER)))
                .build();
        return chain.filter(withoutClientId);
    }

    public static String of(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        if (id == null) {
            throw new IllegalStateException("RequestIdFilter did not run");
        }
        return id;
    }

    @Override
    public int getOrder() {
        return FilterOrders.REQUEST_ID;
    }
}
