package io.switchboard.billing.settlement;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The credit ledger as billing uses it ({@code switchboard.billing.ledger.*}).
 *
 * @param settledMarkerTtl how long a generation is remembered as charged ({@code billing:{t}:settled:{id}}). A
 *        redelivery within this time never charges again. Redeliveries come from uncommitted batches (seconds) and from
 *        deliberately re-reading the topic into a Redis that already holds the charges; keep it longer than any such
 *        re-read reaches back. A replay into an empty Redis needs no marker.
 */
@ConfigurationProperties("switchboard.billing.ledger")
public record LedgerProperties(@DefaultValue("35d") Duration settledMarkerTtl) {

    public LedgerProperties {
        if (settledMarkerTtl.toSeconds() < 1) {
            throw new IllegalArgumentException("switchboard.billing.ledger.settled-marker-ttl must be at least 1s");
        }
    }
}
