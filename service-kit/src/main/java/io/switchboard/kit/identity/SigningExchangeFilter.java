package io.switchboard.kit.identity;

import java.util.function.Function;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Signs a service's own calls to another internal service (for example routing-service reading the catalog) with a
 * system identity, so that the callee's {@link IdentityVerificationFilter} admits them.
 */
public final class SigningExchangeFilter implements ExchangeFilterFunction {

    private final IdentityProof proof;
    private final Function<ClientRequest, InternalIdentity> identity;

    public SigningExchangeFilter(IdentityProof proof, Function<ClientRequest, InternalIdentity> identity) {
        this.proof = proof;
        this.identity = identity;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        ClientRequest signed = ClientRequest.from(request)
                .headers(headers -> proof.sign(identity.apply(request), request.method(),
                        PathAndQuery.of(request.url()), headers))
                .build();
        return next.exchange(signed);
    }
}
