package io.switchboard.billing.credits;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator's top-up API ({@code switchboard.billing.credits.*}).
 *
 * @param publishTimeout how long a top-up may wait for Kafka to acknowledge its event before the API answers 503 (the
 *        producer gives up on the record at the same time, so a 503 almost never lands later; if it does, retrying
 *        with the same id still adds the credit once)
 * @param applyTimeout how long the API waits, after the event is acknowledged, to see the credit applied before it
 *        answers 202 (recorded, applied shortly) instead of 200
 * @param maxTopUp largest amount one top-up may add, USD: a guard against an amount typed in the wrong unit
 */
@ConfigurationProperties("switchboard.billing.credits")
public record CreditsProperties(@DefaultValue("10s") Duration publishTimeout,
        @DefaultValue("10s") Duration applyTimeout,
        @DefaultValue("1000000") BigDecimal maxTopUp) {

    public CreditsProperties {
        if (publishTimeout.toMillis() < 1000) {
            throw new IllegalArgumentException("switchboard.billing.credits.publish-timeout must be at least 1s");
        }
        if (maxTopUp.signum() <= 0) {
            throw new IllegalArgumentException("switchboard.billing.credits.max-top-up must be positive");
        }
    }
}
