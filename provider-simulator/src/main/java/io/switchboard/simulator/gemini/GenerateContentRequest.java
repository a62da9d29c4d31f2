package io.switchboard.simulator.gemini;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.switchboard.simulator.reply.SimulatorOptions;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The fields of a {@code generateContent} request the simulator reads (camelCase, as Gemini's JSON is); every other
 * field is ignored. {@code simulator} is the simulator's own extension, snake_case as in every format.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record GenerateContentRequest(@Nullable List<@Nullable Content> contents, @Nullable Content systemInstruction,
        @Nullable List<@Nullable Tool> tools, @Nullable GenerationConfig generationConfig,
        @Nullable SimulatorOptions simulator) {

    /** @param role {@code user} or {@code model} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Content(@Nullable String role, @Nullable List<@Nullable Part> parts) {
    }

    /** @param functionResponse a tool's answer: {@code {"name": ..., "response": {...}}} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Part(@Nullable String text, @Nullable Boolean thought, @Nullable JsonNode functionCall,
            @Nullable JsonNode functionResponse) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Tool(@Nullable List<@Nullable FunctionDeclaration> functionDeclarations) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FunctionDeclaration(@Nullable String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record GenerationConfig(@Nullable Integer maxOutputTokens, @Nullable ThinkingConfig thinkingConfig) {
    }

    /**
     * @param thinkingBudget 0 turns thinking off
     * @param includeThoughts whether thought summaries are returned as parts
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ThinkingConfig(@Nullable Integer thinkingBudget, @Nullable Boolean includeThoughts) {
    }
}
