package io.switchboard.catalog.api;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What a provider does with prompts, as OpenRouter's {@code data_collection} preference needs to know.
 *
 * @param training whether the provider may train on prompts
 * @param retainsPrompts whether the provider stores prompts at all
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DataPolicy(boolean training, boolean retainsPrompts) {

    public static final DataPolicy NONE = new DataPolicy(false, false);
}
