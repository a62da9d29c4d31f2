package io.switchboard.catalog.client;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service copies the catalog from ({@code switchboard.catalog-client.*}).
 *
 * @param url base URL of catalog-service
 * @param refreshInterval how often to ask whether the catalog changed (a 304 when it did not); the bound on how late
 *        routing sees a change
 * @param requestTimeout how long one catalog request may take
 */
@ConfigurationProperties("switchboard.catalog-client")
public record CatalogClientProperties(@DefaultValue("http://localhost:8082") URI url,
        @DefaultValue("500ms") Duration refreshInterval, @DefaultValue("5s") Duration requestTimeout) {
}
