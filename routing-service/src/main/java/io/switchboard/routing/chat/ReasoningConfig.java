package io.switchboard.routing.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * OpenRouter's {@code reasoning} object (https://openrouter.ai/docs/use-cases/reasoning-tokens): either an
 * {@code effort} (OpenAI style) or a {@code max_tokens} budget (Anthropic style), not both; {@code exclude} keeps the
 * reasoning out of the response; {@code enabled} turns reasoning on with the provider's defaults.
 *
 * @param effort {@code max}, {@code xhigh}, {@code high}, {@code medium}, {@code low}, {@code minimal} or {@code none}
 * @param maxTokens the reasoning budget in tokens
 * @param exclude true to reason without returning the reasoning
 * @param enabled true to reason with default settings, false to not reason
 * @param extra other fields ({@code summary}, ...), kept
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReasoningConfig(@Nullable String effort, @Nullable Integer maxTokens, @Nullable Boolean exclude,
        @Nullable Boolean enabled, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    /** The effort levels of the contract ({@code ChatRequest.reasoning.effort}), strongest first. */
    public static final List<String> EFFORTS = List.of("max", "xhigh", "high", "medium", "low", "minimal", "none");
    public static final String NONE = "none";
    public static final String DEFAULT_EFFORT = "medium";

    public ReasoningConfig {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    /**
     * Whether the client asked for reasoning: {@code enabled: true}, an effort other than {@code none}, or a budget;
     * {@code enabled: false} wins over the rest ("Default: inferred from effort or max_tokens").
     */
    public boolean requested() {
        if (Boolean.FALSE.equals(enabled) || NONE.equals(effort)) {
            return false;
        }
        return Boolean.TRUE.equals(enabled) || effort != null || maxTokens != null;
    }

    /** Whether the reasoning must be left out of the response. */
    public boolean excluded() {
        return Boolean.TRUE.equals(exclude);
    }
}
