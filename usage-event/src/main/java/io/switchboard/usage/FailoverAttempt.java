package io.switchboard.usage;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One endpoint tried before the one that served (or failed) the generation.
 *
 * @param provider provider slug
 * @param endpointId endpoint id in the catalog
 * @param model model id that was tried
 * @param status HTTP status the provider answered, or null for a connection failure or timeout
 * @param error short reason, never containing credentials
 * @param latencyMs time spent on this attempt
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FailoverAttempt(String provider, String endpointId, String model, @Nullable Integer status, String error,
        long latencyMs) {
}
