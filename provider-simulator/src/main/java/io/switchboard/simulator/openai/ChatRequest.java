package io.switchboard.simulator.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.switchboard.simulator.reply.SimulatorOptions;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The fields of an OpenAI chat-completions request the simulator reads. Every other field (temperature, tools,
 * response_format, fields OpenAI adds later) is ignored, as a provider that does not support it would. All fields are
 * nullable here; {@link ChatRequestReader} decides which are required.
 *
 * @param simulator per-request steering, an extension of the simulator's own that real providers would ignore
 * @param tools declared tools, of which the simulator may call the first
 * @param reasoningEffort OpenAI's reasoning effort; anything but {@code none} makes the reply reason first
 * @param reasoning OpenRouter-style reasoning settings, read the same way
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
record ChatRequest(@Nullable String model, @Nullable List<@Nullable Message> messages, @Nullable Boolean stream,
        @Nullable StreamOptions streamOptions, @Nullable Integer maxTokens, @Nullable Integer maxCompletionTokens,
        @Nullable SimulatorOptions simulator, @Nullable List<@Nullable Tool> tools, @Nullable String reasoningEffort,
        @Nullable Reasoning reasoning) {

    /**
     * @param content a string, an array of content parts ({@code {"type":"text","text":...}},
     *        {@code {"type":"image_url",...}}), or null for an assistant message with tool calls
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(@Nullable String role, @Nullable JsonNode content) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StreamOptions(@Nullable Boolean includeUsage) {
    }

    /** @param function the function's declaration; only its name matters here */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Tool(@Nullable String type, @Nullable Function function) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Function(@Nullable String name) {
    }

    /** OpenRouter's {@code reasoning} object, which some OpenAI-compatible servers accept too. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reasoning(@Nullable String effort, @Nullable Integer maxTokens, @Nullable Boolean enabled) {
    }

    boolean streamed() {
        return Boolean.TRUE.equals(stream);
    }

    boolean includeUsage() {
        return streamOptions != null && Boolean.TRUE.equals(streamOptions.includeUsage());
    }

    /**
     * Whether the client asked the model to reason: OpenAI's {@code reasoning_effort} other than {@code none}, or an
     * OpenRouter-style {@code reasoning} object that enables it.
     */
    boolean reasoningRequested() {
        if (reasoningEffort != null) {
            return !"none".equals(reasoningEffort);
        }
        if (reasoning == null || Boolean.FALSE.equals(reasoning.enabled()) || "none".equals(reasoning.effort())) {
            return false;
        }
        return Boolean.TRUE.equals(reasoning.enabled()) || reasoning.effort() != null || reasoning.maxTokens() != null;
    }

    /** The names of the declared function tools, in order. */
    List<String> toolNames() {
        if (tools == null) {
            return List.of();
        }
        return tools.stream()
                .filter(tool -> tool != null && tool.function() != null && tool.function().name() != null)
                .map(tool -> tool.function().name())
                .toList();
    }
}
