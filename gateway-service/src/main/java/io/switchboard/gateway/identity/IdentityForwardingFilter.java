package io.switchboard.gateway.identity;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import io.switchboard.gateway.FilterOrders;
import io.switchboard.gateway.auth.ApiKeyRecord;
import io.switchboard.gateway.auth.AuthenticationFilter;
import io.switchboard.gateway.requestid.RequestIdFilter;
import io.switchboard.kit.identity.IdentityHeaders;
import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.kit.identity.PathAndQuery;
import java.net.URI;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Forwards the caller's identity to the internal service: drops every internal header the client sent (and its API
 * key, which no internal service needs), then adds tenant, key hash, request id and the key's role with their
 * proof, signed over the exact path the request goes to. The client's attribution headers ({@code HTTP-Referer},
 * {@code X-Title}) pass on untouched, for routing to record in the usage event.
 */
@Component
public class IdentityForwardingFilter implements GlobalFilter, Ordered {

    private final IdentityProof proof;

    public IdentityForwardingFilter(IdentityProof proof) {
        this.proof = proof;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ApiKeyRecord key = AuthenticationFilter.callerOf(exchange);
        URI target = exchange.getRequiredAttribute(GATEWAY_REQUEST_URL_ATTR);
        InternalIdentity identity = new InternalIdentity(key.tenantId(), key.hash(), RequestIdFilter.of(exchange),
                key.role());
        ServerWebExchange signed = exchange.mutate().request(request -> request.headers(headers -> {
            headers.headerNames().stream().filter(IdentityHeaders::isInternal).toList().forEach(headers::remove);
            headers.remove(HttpHeaders.AUTHORIZATION);
            proof.sign(identity, exchange.getRequest().getMethod(), PathAndQuery.of(target), headers);
        })).build();
        return chain.filter(signed);
    }

    @Override
    public int getOrder() {
        return FilterOrders.IDENTITY_FORWARDING;
    }
}
