package io.switchboard.billing.credits;

import io.switchboard.ledger.CreditLedger;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Records the start-up credit of {@link BootstrapCreditProperties} once the service is ready, unless the ledger has
 * applied that top-up id already. Kafka may still be starting (a fresh install starts everything at once), so a failed
 * publish is retried with backoff, in the background, until it succeeds or the service stops; the consumer applies
 * the event once per id even if several replicas record it.
 */
@Component
class BootstrapCredit {

    private static final Logger log = LoggerFactory.getLogger(BootstrapCredit.class);

    private final BootstrapCreditProperties properties;
    private final CreditsProperties limits;
    private final CreditLedger ledger;
    private final CreditPublisher publisher;
    private final Clock clock;
    private volatile Disposable running = () -> {
    };

    BootstrapCredit(BootstrapCreditProperties properties, CreditsProperties limits, CreditLedger ledger,
            CreditPublisher publisher, Clock clock) {
        this.properties = properties;
        this.limits = limits;
        this.ledger = ledger;
        this.publisher = publisher;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void grant() {
        if (!properties.enabled()) {
            return;
        }
        TopUp topUp = TopUp.of(properties.tenant(), properties.id(), properties.amount(),
                "bootstrap credit (switchboard.billing.bootstrap-credit)", limits.maxTopUp());
        running = Mono.defer(() -> ledger.topUpAmount(topUp.tenantId(), topUp.id()))
                .map(applied -> false)
                .switchIfEmpty(
                        Mono.defer(() -> publisher.publish(CreditEvent.of(clock.instant(), topUp, "billing-service")))
                                .thenReturn(true))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                        .maxBackoff(Duration.ofSeconds(30))
                        .doBeforeRetry(retry -> log.warn("The bootstrap credit of tenant {} is not recorded yet ({});"
                                + " retrying", topUp.tenantId(), retry.failure().toString())))
                .subscribe(recorded -> log.info(recorded
                        ? "Recorded the bootstrap credit of tenant {}: {} USD (top-up id {})"
                        : "The bootstrap credit of tenant {} ({} USD, top-up id {}) was applied before",
                        topUp.tenantId(), topUp.amount().toPlainString(), topUp.id()));
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        running.dispose();
    }
}
