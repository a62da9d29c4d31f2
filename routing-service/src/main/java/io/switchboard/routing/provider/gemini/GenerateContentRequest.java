package io.switchboard.routing.provider.gemini;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code models.generateContent} and {@code models.streamGenerateContent}
 * (https://ai.google.dev/api/generate-content#request-body). Gemini's JSON is camelCase, the records' own names.
 *
 * @param contents the conversation, roles {@code user} and {@code model}
 * @param systemInstruction the system prompt, outside the conversation
 * @param extra configured pass-through fields
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record GenerateContentRequest(List<Content> contents, @Nullable Content systemInstruction,
        @Nullable List<Tool> tools, @Nullable ToolConfig toolConfig, @Nullable GenerationConfig generationConfig,
        @JsonAnyGetter Map<String, JsonNode> extra) {

    /** @param role {@code user} or {@code model}; absent for the system instruction */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Content(@Nullable String role, List<Part> parts) {
    }

    /**
     * One part; exactly one of its data fields is set.
     *
     * @param thoughtSignature returned with the function call it came with, as Gemini requires for thinking models
     *        (https://ai.google.dev/gemini-api/docs/thinking#signatures)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Part(@Nullable String text, @Nullable Blob inlineData, @Nullable FileData fileData,
            @Nullable FunctionCall functionCall, @Nullable FunctionResponse functionResponse,
            @Nullable String thoughtSignature) {

        static Part text(String text) {
            return new Part(text, null, null, null, null, null);
        }
    }

    /** @param data base64 */
    record Blob(String mimeType, String data) {
    }

    /** @param mimeType absent when the URL does not tell it */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FileData(@Nullable String mimeType, String fileUri) {
    }

    record FunctionCall(String name, JsonNode args) {
    }

    /** @param response the function's output, a JSON object */
    record FunctionResponse(String name, JsonNode response) {
    }

    record Tool(List<FunctionDeclaration> functionDeclarations) {
    }

    /**
     * @param parametersJsonSchema the arguments' JSON Schema as OpenAI clients write it; the older {@code parameters}
     *        field takes only an OpenAPI subset, which refuses common keywords such as {@code additionalProperties}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FunctionDeclaration(String name, @Nullable String description, @Nullable JsonNode parametersJsonSchema) {
    }

    record ToolConfig(FunctionCallingConfig functionCallingConfig) {
    }

    /** @param mode {@code AUTO}, {@code ANY} or {@code NONE} */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FunctionCallingConfig(String mode, @Nullable List<String> allowedFunctionNames) {
    }

    /** @param responseJsonSchema a JSON Schema the answer must match (with {@code responseMimeType} JSON) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GenerationConfig(@Nullable List<String> stopSequences, @Nullable String responseMimeType,
            @Nullable JsonNode responseJsonSchema, @Nullable Integer maxOutputTokens, @Nullable Double temperature,
            @Nullable Double topP, @Nullable Integer topK, @Nullable Long seed, @Nullable Double presencePenalty,
            @Nullable Double frequencyPenalty, @Nullable ThinkingConfig thinkingConfig) {

        boolean unset() {
            return stopSequences == null && responseMimeType == null && maxOutputTokens == null && temperature == null
                    && topP == null && topK == null && seed == null && presencePenalty == null
                    && frequencyPenalty == null && thinkingConfig == null;
        }
    }

    /** @param thinkingBudget tokens; 0 turns thinking off, -1 lets the model decide */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ThinkingConfig(@Nullable Boolean includeThoughts, int thinkingBudget) {
    }
}
