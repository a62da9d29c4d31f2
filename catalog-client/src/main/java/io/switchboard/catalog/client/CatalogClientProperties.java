package io.switchboard.catalog.client;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service copies the catalog from ({@code switchboard.catalog-client.*}).
 *
 * @param url base URL of catalog-service
 * @param refreshInterval the pause before asking again after a failed request, or after an answer that did not wait
 *        (a catalog-service without long-polling); then also the bound on how late a change is seen
 * @param requestTimeout how long one catalog request may take, on top of {@code long-poll-wait}
 * @param longPollWait how long catalog-service may hold a request until the catalog changes ({@code Prefer: wait});
 *        a change then arrives as soon as catalog-service has it. 0 turns long-polling off (plain polling every
 *        {@code refresh-interval})
 */
@ConfigurationProperties("switchboard.catalog-client")
public record CatalogClientProperties(@DefaultValue("http://localhost:8082") URI url,
        @DefaultValue("500ms") Duration refreshInterval, @DefaultValue("5s") Duration requestTimeout,
        @DefaultValue("20s") Duration longPollWait) {

    public CatalogClientProperties {
        if (longPollWait.isNegative()) {
            throw new IllegalArgumentException("switchboard.catalog-client.long-poll-wait must not be negative");
        }
    }
}
