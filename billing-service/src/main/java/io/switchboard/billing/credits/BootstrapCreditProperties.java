package io.switchboard.billing.credits;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Credit billing-service gives one tenant at start-up ({@code switchboard.billing.bootstrap-credit.*}), so the first
 * key of a fresh install (the gateway's bootstrap key) can make requests without an operator top-up first. It is an
 * ordinary top-up under {@code id}: recorded on {@code switchboard.credits.v1} and applied once per id, however many
 * replicas start or restart. Off unless both {@code tenant} and {@code amount} are set.
 *
 * @param tenant the tenant credited (the bootstrap key's)
 * @param amount USD to add
 * @param id the top-up id; to add more later, use a new id (or the operator API)
 */
@ConfigurationProperties("switchboard.billing.bootstrap-credit")
public record BootstrapCreditProperties(@Nullable String tenant, @Nullable BigDecimal amount,
        @DefaultValue("bootstrap-credit") String id) {

    boolean enabled() {
        return tenant != null && !tenant.isBlank() && amount != null;
    }
}
