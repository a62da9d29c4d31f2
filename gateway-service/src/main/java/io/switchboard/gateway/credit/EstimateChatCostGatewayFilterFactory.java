package io.switchboard.gateway.credit;

import io.switchboard.catalog.client.CatalogHolder;
import io.switchboard.gateway.FilterOrders;
import io.switchboard.gateway.auth.AuthenticationFilter;
import io.switchboard.gateway.hygiene.JsonBody;
import io.switchboard.gateway.hygiene.RequestBodyFilter;
import io.switchboard.gateway.ratelimit.RateLimitFilter;
import io.switchboard.kit.error.ApiException;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code EstimateChatCost}: bounds a chat request's cost ({@link CostEstimator}) from its checked body and the
 * catalog copy, refusing what cannot be bounded (400) or is not allowed for the key (403), before the rate limits
 * and the credit gate spend anything on it. Leaves {@link #ATTRIBUTE} for {@code ReserveCredit} and the token
 * estimate for the rate limiter.
 */
@Component
public class EstimateChatCostGatewayFilterFactory
        extends
            AbstractGatewayFilterFactory<EstimateChatCostGatewayFilterFactory.Config> {

    /** Exchange attribute: the request's {@link ChatCost}. */
    public static final String ATTRIBUTE = EstimateChatCostGatewayFilterFactory.class.getName() + ".cost";

    private final CostEstimator estimator;
    private final CatalogHolder catalog;

    public EstimateChatCostGatewayFilterFactory(CostEstimator estimator, CatalogHolder catalog) {
        super(Config.class);
        this.estimator = estimator;
        this.catalog = catalog;
    }

    @Override
    public GatewayFilter apply(Config config) {
        return new OrderedGatewayFilter((exchange, chain) -> Mono.defer(() -> {
            JsonBody body = exchange.getAttribute(RequestBodyFilter.ATTRIBUTE);
            if (body == null) {
                throw ApiException.badRequest("A JSON request body is required");
            }
            ChatCost cost = estimator.estimate(body.json(), body.bytes().length, catalog.require(),
                    AuthenticationFilter.callerOf(exchange));
            exchange.getAttributes().put(ATTRIBUTE, cost);
            exchange.getAttributes().put(RateLimitFilter.TOKENS_ATTRIBUTE, cost.tokens());
            return chain.filter(exchange);
        }), FilterOrders.CHAT_ESTIMATE);
    }

    /** No options. */
    public static class Config {}
}
