package io.switchboard.billing.generation;

import io.switchboard.billing.charge.Charge;
import io.switchboard.kit.error.ApiException;
import io.switchboard.kit.identity.IdentityVerificationFilter;
import io.switchboard.kit.identity.InternalIdentity;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/generation?id=}: one generation, only to the tenant that owns it. Another tenant's generation
 * answers exactly like a missing one (404), so ids cannot be probed. Records appear a moment after the generation
 * ends, once its usage event has been consumed.
 */
@Component
public class GenerationHandler {

    private final GenerationStore store;

    public GenerationHandler(GenerationStore store) {
        this.store = store;
    }

    public Mono<ServerResponse> get(ServerRequest request) {
        InternalIdentity caller = IdentityVerificationFilter.identityOf(request.exchange());
        String id = request.queryParam("id")
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> ApiException.badRequest("id: the generation id is required"));
        if (id.length() > 200) {
            throw ApiException.badRequest("id: not a generation id");
        }
        return store.find(id)
                .filter(event -> event.data().tenantId().equals(caller.tenantId()))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("Generation " + id + " not found")))
                .flatMap(event -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("data", GenerationView.of(event, Charge.of(event.data())))));
    }
}
