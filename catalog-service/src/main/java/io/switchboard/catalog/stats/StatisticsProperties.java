package io.switchboard.catalog.stats;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the endpoint statistics are read ({@code switchboard.catalog.statistics.*}). Their keys are routing-service's,
 * fixed by the {@code endpoint-stats} module, and not configurable here.
 *
 * @param timeout how long {@code /endpoints} waits for them before answering without
 */
@ConfigurationProperties("switchboard.catalog.statistics")
public record StatisticsProperties(@DefaultValue("500ms") Duration timeout) {
}
