package io.switchboard.catalog.api;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The most one request to a model may use, as OpenRouter's {@code per_request_limits}: an operator's cap on top of
 * what each endpoint's context allows.
 *
 * @param promptTokens largest prompt, in tokens
 * @param completionTokens largest completion, in tokens
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PerRequestLimits(long promptTokens, long completionTokens) {
}
