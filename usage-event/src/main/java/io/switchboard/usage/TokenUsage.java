package io.switchboard.usage;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Tokens of one generation, normalised across providers. {@code cachedTokens} and {@code cacheWriteTokens} are parts
 * of {@code promptTokens}; {@code reasoningTokens} is part of {@code completionTokens} (OpenAI's convention).
 *
 * @param promptTokens all input tokens, cached and cache-written included
 * @param completionTokens all output tokens, reasoning included
 * @param cachedTokens input tokens read from the provider's prompt cache
 * @param cacheWriteTokens input tokens written to the provider's prompt cache
 * @param reasoningTokens output tokens spent on reasoning
 * @param imageInputs images in the prompt, priced per image
 * @param estimated true when the provider reported no usage and the figures were counted with a tokenizer
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TokenUsage(long promptTokens, long completionTokens, long cachedTokens, long cacheWriteTokens,
        long reasoningTokens, long imageInputs, boolean estimated) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0, 0, 0, false);

    public TokenUsage {
        if (promptTokens < 0 || completionTokens < 0 || cachedTokens < 0 || cacheWriteTokens < 0
                || reasoningTokens < 0 || imageInputs < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
