package io.switchboard.billing.credits;

import io.switchboard.billing.access.Access;
import io.switchboard.kit.error.ApiException;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.kit.identity.Role;
import io.switchboard.ledger.CreditLedger;
import io.switchboard.ledger.Nanodollars;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The operator's credit API under {@code /api/v1/admin/credits} (OpenRouter has none; ours, operator keys only).
 *
 * <p>{@code POST} adds credit to a tenant, once per caller-supplied {@code id}. The top-up is first recorded on
 * {@code switchboard.credits.v1} (acknowledged by Kafka, so it survives any crash and is part of every replay) and
 * applied to the ledger by the consumer, the only writer of credit; the API then waits briefly to report the new
 * balance. Answers: 200 {@code applied} (now or by an earlier request with the same id and amount), 202
 * {@code recorded} (durable, applied within moments), 409 (the id was used with another amount), 503 (Kafka did not
 * acknowledge; nothing is owed to the caller, who retries with the same id).
 *
 * <p>{@code GET /{tenant}} shows a tenant's credits, usage, open reservations and available credit.
 */
@Component
class AdminCreditsHandler {

    private static final Duration APPLIED_POLL = Duration.ofMillis(100);

    private final CreditLedger ledger;
    private final CreditPublisher publisher;
    private final CreditsProperties properties;
    private final Clock clock;

    AdminCreditsHandler(CreditLedger ledger, CreditPublisher publisher, CreditsProperties properties, Clock clock) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    Mono<ServerResponse> topUp(ServerRequest request) {
        InternalIdentity caller = Access.requireAtLeast(request, Role.OPERATOR);
        return request.bodyToMono(TopUpRequest.class)
                .switchIfEmpty(Mono.error(() -> ApiException.badRequest("A JSON body is required")))
                .map(this::validate)
                .flatMap(topUp -> topUp(topUp, caller));
    }

    /** An id applied before is answered from the ledger; a new one is recorded, then awaited for a while. */
    private Mono<ServerResponse> topUp(TopUp topUp, InternalIdentity caller) {
        Mono<ServerResponse> recordThenAwait = Mono.defer(() -> record(topUp, caller).then(appliedAmount(topUp))
                .flatMap(applied -> answer(topUp, applied))
                .switchIfEmpty(Mono.defer(() -> respond(HttpStatus.ACCEPTED, topUp, "recorded"))));
        return ledger.topUpAmount(topUp.tenantId(), topUp.id())
                .flatMap(applied -> answer(topUp, applied))
                .switchIfEmpty(recordThenAwait);
    }

    Mono<ServerResponse> tenant(ServerRequest request) {
        Access.requireAtLeast(request, Role.OPERATOR);
        String tenant = request.pathVariable("tenant");
        if (tenant.indexOf('{') >= 0 || tenant.indexOf('}') >= 0) {
            throw ApiException.badRequest("tenant: cannot contain braces");
        }
        return ledger.balance(tenant)
                .flatMap(balance -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("data", TenantCredits.of(tenant, balance))));
    }

    private TopUp validate(TopUpRequest body) {
        try {
            return TopUp.of(body.tenantId(), body.id(), body.amount(), body.description(), properties.maxTopUp());
        } catch (IllegalArgumentException invalid) {
            throw ApiException.badRequest(invalid.getMessage());
        }
    }

    private Mono<Void> record(TopUp topUp, InternalIdentity caller) {
        CreditEvent event = CreditEvent.of(clock.instant(), topUp, caller.keyId());
        return publisher.publish(event)
                .onErrorMap(failure -> new ApiException(HttpStatusCode.valueOf(503),
                        "The top-up could not be recorded (Kafka did not acknowledge it); retry with the same id"));
    }

    /** The amount applied under the top-up's id, once the consumer applied it; empty after the apply timeout. */
    private Mono<Long> appliedAmount(TopUp topUp) {
        return Mono.defer(() -> ledger.topUpAmount(topUp.tenantId(), topUp.id()))
                .repeatWhenEmpty(attempts -> attempts.concatMap(attempt -> Mono.delay(APPLIED_POLL)))
                .timeout(properties.applyTimeout(), Mono.empty());
    }

    private Mono<ServerResponse> answer(TopUp topUp, long appliedAmount) {
        if (appliedAmount != topUp.nanodollars()) {
            BigDecimal applied = Nanodollars.toUsd(appliedAmount);
            return Mono.error(new ApiException(HttpStatus.CONFLICT, "Top-up id " + topUp.id() + " of tenant "
                    + topUp.tenantId() + " was already applied with amount " + applied.toPlainString()));
        }
        return respond(HttpStatus.OK, topUp, "applied");
    }

    private Mono<ServerResponse> respond(HttpStatus status, TopUp topUp, String outcome) {
        return ledger.balance(topUp.tenantId())
                .flatMap(balance -> ServerResponse.status(status)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("data", new TopUpResult(topUp.id(), topUp.tenantId(), topUp.amount(),
                                outcome, Nanodollars.toUsd(balance.credits()), Nanodollars.toUsd(balance.usage())))));
    }
}
