package io.switchboard.kit.identity;

import io.switchboard.kit.error.ApiException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses any request to a protected path of an internal service that does not carry a valid {@link IdentityProof},
 * and exposes the verified {@link InternalIdentity} as an exchange attribute. Actuator paths stay open for probes and
 * scraping; they live on the management port in production.
 */
public final class IdentityVerificationFilter implements WebFilter, Ordered {

    private final IdentityProof proof;
    private final List<String> protectedPrefixes;

    public IdentityVerificationFilter(IdentityProof proof, List<String> protectedPrefixes) {
        this.proof = proof;
        this.protectedPrefixes = List.copyOf(protectedPrefixes);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().value();
        if (protectedPrefixes.stream().noneMatch(path::startsWith)) {
            return chain.filter(exchange);
        }
        return proof.verify(request.getMethod(), PathAndQuery.of(request.getURI()), request.getHeaders())
                .map(identity -> {
                    exchange.getAttributes().put(InternalIdentity.ATTRIBUTE, identity);
                    return chain.filter(exchange);
                })
                .orElseGet(() -> Mono.error(ApiException.unauthorized("Missing or invalid internal identity proof")));
    }

    /** The verified identity of this exchange; only valid on protected paths. */
    public static InternalIdentity identityOf(ServerWebExchange exchange) {
        InternalIdentity identity = exchange.getAttribute(InternalIdentity.ATTRIBUTE);
        if (identity == null) {
            throw ApiException.unauthorized("Missing internal identity");
        }
        return identity;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
