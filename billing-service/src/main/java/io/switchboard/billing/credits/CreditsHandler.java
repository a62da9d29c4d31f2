package io.switchboard.billing.credits;

import io.switchboard.billing.access.Access;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.kit.identity.Role;
import io.switchboard.ledger.CreditLedger;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/credits}: the caller's tenant's credits and usage from the ledger. A management key is required,
 * as in OpenRouter's contract; inference keys see their own spend through {@code GET /api/v1/key}.
 */
@Component
class CreditsHandler {

    private final CreditLedger ledger;

    CreditsHandler(CreditLedger ledger) {
        this.ledger = ledger;
    }

    Mono<ServerResponse> get(ServerRequest request) {
        InternalIdentity caller = Access.requireAtLeast(request, Role.MANAGER);
        return ledger.balance(caller.tenantId())
                .flatMap(balance -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("data", Credits.of(balance))));
    }
}
