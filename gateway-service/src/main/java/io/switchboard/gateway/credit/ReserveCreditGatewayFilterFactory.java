package io.switchboard.gateway.credit;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;

import io.switchboard.gateway.FilterOrders;
import io.switchboard.gateway.auth.ApiKeyRecord;
import io.switchboard.gateway.auth.AuthenticationFilter;
import io.switchboard.gateway.hygiene.UpstreamFailureFilter;
import io.switchboard.gateway.ratelimit.RateLimitFilter;
import io.switchboard.gateway.requestid.RequestIdFilter;
import io.switchboard.kit.error.ApiException;
import io.switchboard.ledger.CreditLedger;
import io.switchboard.ledger.Nanodollars;
import io.switchboard.ledger.Reservation;
import io.switchboard.ledger.ReservationOutcome;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code ReserveCredit}: the credit gate (docs/contracts.md, "the credit ledger"). Reserves the request's maximum
 * cost in the ledger under the gateway's request id, which routing puts into the usage event so billing's
 * settlement releases it; answers 402 before any provider is called when the tenant's available credit or the
 * key's remaining limit cannot cover it. When no generation happened (routing answered without
 * {@code X-Generation-Id}, or could not be reached at all) the reservation is released before the answer goes out;
 * in every other case billing settles it, or it expires.
 *
 * <p>Redis unreachable: refused with 503 (fails closed), since admitting unreserved requests could overspend.
 */
@Component
public class ReserveCreditGatewayFilterFactory
        extends
            AbstractGatewayFilterFactory<ReserveCreditGatewayFilterFactory.Config> {

    private static final Logger log = LoggerFactory.getLogger(ReserveCreditGatewayFilterFactory.class);

    private final CreditLedger ledger;
    private final CreditProperties properties;
    private final Clock clock;

    public ReserveCreditGatewayFilterFactory(CreditLedger ledger, CreditProperties properties, Clock clock) {
        super(Config.class);
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public GatewayFilter apply(Config config) {
        return new OrderedGatewayFilter((exchange, chain) -> Mono.defer(() -> {
            ChatCost cost = exchange.getRequiredAttribute(EstimateChatCostGatewayFilterFactory.ATTRIBUTE);
            ApiKeyRecord key = AuthenticationFilter.callerOf(exchange);
            String requestId = RequestIdFilter.of(exchange);
            Reservation reservation = new Reservation(key.tenantId(), key.hash(), requestId, cost.maxCost(),
                    key.limit(), clock.instant(), properties.reservationTtl());
            return ledger.reserve(reservation)
                    .onErrorMap(failure -> !(failure instanceof ApiException),
                            ReserveCreditGatewayFilterFactory::unavailable)
                    .flatMap(outcome -> switch (outcome) {
                        case ReservationOutcome.Reserved reserved -> admitted(exchange, key, requestId)
                                .then(chain.filter(exchange));
                        case ReservationOutcome.AlreadyReserved already -> admitted(exchange, key, requestId)
                                .then(chain.filter(exchange));
                        case ReservationOutcome.CreditExhausted exhausted -> Mono.error(paymentRequired(
                                "Insufficient credits: this request may cost up to $" + usd(cost.maxCost())
                                        + " and the account has $" + usd(Math.max(0, exhausted.tenantAvailable()))
                                        + " available",
                                cost, "available", exhausted.tenantAvailable()));
                        case ReservationOutcome.KeyLimitReached reached -> Mono.error(paymentRequired(
                                "This API key's credit limit is reached: this request may cost up to $"
                                        + usd(cost.maxCost()) + " and the key has $"
                                        + usd(Math.max(0, reached.keyRemaining())) + " of its limit left",
                                cost, "key_limit_remaining", reached.keyRemaining()));
                    });
        }), FilterOrders.CREDIT_GATE);
    }

    private Mono<Void> admitted(ServerWebExchange exchange, ApiKeyRecord key, String requestId) {
        exchange.getResponse().beforeCommit(() -> releaseIfNothingGenerated(exchange, key, requestId));
        return Mono.empty();
    }

    /**
     * Runs just before the answer goes out. Releases only when it is certain no generation happened: routing
     * answered without a generation id, or the request never reached it. After any other failure (a timeout, a
     * dropped connection) a generation may exist; billing then settles it, or the reservation expires.
     */
    private Mono<Void> releaseIfNothingGenerated(ServerWebExchange exchange, ApiKeyRecord key, String requestId) {
        boolean answered = exchange.getAttribute(CLIENT_RESPONSE_ATTR) != null;
        boolean notSent = Boolean.TRUE.equals(exchange.getAttribute(UpstreamFailureFilter.NOT_SENT_ATTRIBUTE));
        boolean generated = exchange.getResponse().getHeaders().containsHeader(RateLimitFilter.GENERATION_ID_HEADER);
        if (generated || !answered && !notSent) {
            return Mono.empty();
        }
        return ledger.release(key.tenantId(), requestId).onErrorResume(failure -> {
            log.warn("Reservation of {} not released (it expires instead): {}", requestId, failure.toString());
            return Mono.empty();
        }).then();
    }

    private static ApiException unavailable(Throwable failure) {
        log.warn("Credit gate cannot reach the ledger (failing closed): {}", failure.toString());
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                "Credit cannot be checked right now; the request was not processed and nothing was charged");
    }

    private static ApiException paymentRequired(String message, ChatCost cost, String figure, long nanodollars) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("max_cost", Nanodollars.toUsd(cost.maxCost()));
        metadata.put(figure, Nanodollars.toUsd(nanodollars));
        return new ApiException(HttpStatus.PAYMENT_REQUIRED, message, metadata);
    }

    private static String usd(long nanodollars) {
        return Nanodollars.toUsd(nanodollars).toPlainString();
    }

    /** No options. */
    public static class Config {}
}
