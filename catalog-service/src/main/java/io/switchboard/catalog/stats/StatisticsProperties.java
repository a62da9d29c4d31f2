package io.switchboard.catalog.stats;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the endpoint statistics are read ({@code switchboard.catalog.statistics.*}).
 *
 * @param keyPrefix the key of an endpoint's statistics hash is this followed by the endpoint id (routing-service owns
 *        these keys; see docs/contracts.md)
 * @param timeout how long {@code /endpoints} waits for them before answering without
 */
@ConfigurationProperties("switchboard.catalog.statistics")
public record StatisticsProperties(@DefaultValue("routing:stats:") String keyPrefix,
        @DefaultValue("500ms") Duration timeout) {
}
