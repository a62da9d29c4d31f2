package io.switchboard.catalog.api;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An upstream LLM provider.
 *
 * @param slug stable id, as in OpenRouter's {@code provider.order} ({@code "mistral"}, {@code "together"})
 * @param name display name
 * @param wireFormat the API it speaks
 * @param baseUrl API base, for example {@code https://api.mistral.ai/v1}
 * @param credentialEnv name of the environment variable (fed from a Kubernetes Secret) holding its API key; the key
 *        itself never enters the catalog, and this name is never shown by a public API
 * @param dataPolicy what it does with prompts
 * @param disabled true to stop routing to it without deleting it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Provider(String slug, String name, WireFormat wireFormat, String baseUrl,
        @Nullable String credentialEnv, DataPolicy dataPolicy, boolean disabled) {
}
