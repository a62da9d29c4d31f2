package io.switchboard.billing.credits;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.billing.BillingIT;
import io.switchboard.billing.TestEvents;
import io.switchboard.ledger.TenantBalance;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.test.StepVerifier;

/** The start-up credit of a fresh install: applied once when the service is ready, never again on a restart. */
class BootstrapCreditIT extends BillingIT {

    private static final String TENANT = TestEvents.newTenant();

    @Autowired
    private BootstrapCredit bootstrapCredit;

    @DynamicPropertySource
    static void bootstrapCredit(DynamicPropertyRegistry registry) {
        registry.add("switchboard.billing.bootstrap-credit.tenant", () -> TENANT);
        registry.add("switchboard.billing.bootstrap-credit.amount", () -> "7.5");
    }

    @Test
    void shouldCreditTheBootstrapTenantOnceWhenReadyAndNotAgainOnARestart() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> ledger.balance(TENANT).map(TenantBalance::credits).toFuture().join() > 0);

        bootstrapCredit.grant();
        bootstrapCredit.grant();
        awaitConsumed();

        StepVerifier.create(ledger.balance(TENANT).map(TenantBalance::credits))
                .expectNext(7_500_000_000L)
                .verifyComplete();
        StepVerifier.create(ledger.topUpAmount(TENANT, "bootstrap-credit"))
                .expectNext(7_500_000_000L)
                .verifyComplete();
    }
}
