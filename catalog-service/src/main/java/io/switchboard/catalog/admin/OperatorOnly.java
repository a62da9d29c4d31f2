package io.switchboard.catalog.admin;

import io.switchboard.kit.error.ApiException;
import io.switchboard.kit.identity.IdentityVerificationFilter;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.kit.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Admits only operator identities to the catalog's administration: a 403 in OpenRouter's error JSON for anyone else.
 * Exactly {@link Role#OPERATOR}, not "at least": a service identity (which outranks every role elsewhere) has no
 * business repricing the catalog, and every audited change must name an operator's key.
 */
final class OperatorOnly implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        InternalIdentity identity = IdentityVerificationFilter.identityOf(request.exchange());
        if (identity.role() != Role.OPERATOR) {
            return Mono.error(new ApiException(HttpStatus.FORBIDDEN,
                    "Only operator keys can administer the catalog"));
        }
        return next.handle(request);
    }
}
