package io.switchboard.routing.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP client routing-service uses for providers ({@code switchboard.routing.http.*}).
 *
 * @param connectTimeout TCP connect timeout
 * @param readIdleTimeout longest silence allowed while waiting for or reading a response
 * @param maxConnections connection pool size per provider host
 * @param maxErrorBodyBytes how much of a provider's error body is read to explain a failure
 */
@ConfigurationProperties("switchboard.routing.http")
public record ProviderHttpProperties(@DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("120s") Duration readIdleTimeout, @DefaultValue("1000") int maxConnections,
        @DefaultValue("8192") int maxErrorBodyBytes) {
}
