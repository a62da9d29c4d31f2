package io.switchboard.catalog.api;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * OpenRouter's {@code architecture} object of a model.
 *
 * @param modality summary such as {@code text->text} or {@code text+image->text}
 * @param inputModalities {@code text}, {@code image}, {@code file}, {@code audio}, {@code video}
 * @param outputModalities {@code text}, {@code image}, ...
 * @param tokenizer tokenizer family, such as {@code Mistral} or {@code GPT}
 * @param instructType instruction format, or null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Architecture(String modality, List<String> inputModalities, List<String> outputModalities,
        String tokenizer, @Nullable String instructType) {
}
