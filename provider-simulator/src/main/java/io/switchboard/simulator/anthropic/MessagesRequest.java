package io.switchboard.simulator.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.switchboard.simulator.reply.SimulatorOptions;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The fields of a Messages request the simulator reads; every other field is ignored, and every field is nullable
 * here: {@link MessagesRequestReader} decides which are required.
 *
 * @param system a string or an array of text blocks
 * @param thinking {@code {"type": "enabled", "budget_tokens": n}} makes the reply think first
 * @param tools declared tools, of which the simulator may call the first
 * @param simulator per-request steering, the simulator's own extension
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
record MessagesRequest(@Nullable String model, @Nullable Integer maxTokens, @Nullable List<@Nullable Message> messages,
        @Nullable JsonNode system, @Nullable Boolean stream, @Nullable Thinking thinking,
        @Nullable List<@Nullable Tool> tools, @Nullable SimulatorOptions simulator) {

    /** @param content a string, or an array of blocks ({@code text}, {@code image}, {@code tool_use}, ...) */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(@Nullable String role, @Nullable JsonNode content) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Thinking(@Nullable String type, @Nullable Integer budgetTokens) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Tool(@Nullable String name) {
    }
}
