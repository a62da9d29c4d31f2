package io.switchboard.routing.provider.gemini;

import io.switchboard.routing.chat.ChatCompletion;
import io.switchboard.routing.chat.Usage;
import io.switchboard.routing.provider.FinishReasons;
import io.switchboard.routing.provider.ProviderException;
import io.switchboard.routing.provider.ReasoningDetails;
import io.switchboard.routing.provider.ToolArguments;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A {@code GenerateContentResponse} as an OpenAI chat completion, and what the stream translation shares with it. */
final class GeminiResponses {

    private GeminiResponses() {
    }

    /**
     * @param id the response's id ({@code responseId}, or one made up when Gemini sent none)
     * @param model the model that answered
     */
    static ChatCompletion completion(GenerateContentResponse response, String id, String model, long created,
            boolean excludeReasoning, JsonMapper mapper) {
        StringBuilder text = new StringBuilder();
        StringBuilder thoughts = new StringBuilder();
        ArrayNode toolCalls = JsonNodeFactory.instance.arrayNode();
        ArrayNode details = JsonNodeFactory.instance.arrayNode();
        GenerateContentResponse.Candidate candidate = response.candidate();
        List<GenerateContentResponse.Part> parts = candidate == null ? List.of() : candidate.parts();
        for (GenerateContentResponse.Part part : parts) {
            if (part.functionCall() != null) {
                int index = toolCalls.size();
                ObjectNode call = toolCalls.addObject();
                String callId = toolCallId(part.functionCall(), id, index);
                if (part.thoughtSignature() != null) {
                    details.add(signature(part.thoughtSignature(), callId, details.size()));
                }
                call.put("id", callId);
                call.put("type", "function");
                call.putObject("function")
                        .put("name", part.functionCall().name())
                        .put("arguments", ToolArguments.toText(part.functionCall().args(), mapper));
            } else if (part.text() != null) {
                (part.isThought() ? thoughts : text).append(part.text());
            }
        }
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        if (!toolCalls.isEmpty()) {
            extra.put("tool_calls", toolCalls);
        }
        if (!thoughts.isEmpty() && !excludeReasoning) {
            extra.put("reasoning", JsonNodeFactory.instance.stringNode(thoughts.toString()));
        }
        // Unlike the thoughts, a signature is not reasoning for the client to read: it is kept even when excluded,
        // because Gemini needs it back to continue after the call.
        if (!details.isEmpty()) {
            extra.put(ReasoningDetails.FIELD, details);
        }
        String nativeReason = nativeFinishReason(response);
        ChatCompletion.Choice choice = new ChatCompletion.Choice(0,
                new ChatCompletion.Message("assistant", text.isEmpty() && !toolCalls.isEmpty() ? null : text.toString(),
                        extra),
                finishReason(nativeReason, !toolCalls.isEmpty()), nativeReason, null, new LinkedHashMap<>());
        return new ChatCompletion(id, null, model, ChatCompletion.OBJECT, created, List.of(choice), null,
                usage(response.usageMetadata()), new LinkedHashMap<>());
    }

    /**
     * The id of the {@code index}th call of a response: Gemini's own when it gives one, otherwise one derived from the
     * response id, unique within the conversation, which the client sends back as {@code tool_call_id}.
     */
    static String toolCallId(GenerateContentResponse.FunctionCall call, String responseId, int index) {
        return call.id() != null && !call.id().isBlank() ? call.id() : "call_" + responseId + "_" + index;
    }

    /**
     * A function call's thought signature as OpenRouter carries it: an encrypted reasoning detail naming the call, which
     * the client sends back with the call on its next turn.
     */
    static ObjectNode signature(String thoughtSignature, String toolCallId, int index) {
        return ReasoningDetails.encrypted(thoughtSignature, toolCallId, ReasoningDetails.GEMINI, index);
    }

    /** The candidate's finish reason, or the prompt's block reason when Gemini refused the prompt itself. */
    static @Nullable String nativeFinishReason(GenerateContentResponse response) {
        GenerateContentResponse.Candidate candidate = response.candidate();
        if (candidate != null && candidate.finishReason() != null) {
            return candidate.finishReason();
        }
        return response.promptFeedback() == null ? null : response.promptFeedback().blockReason();
    }

    /**
     * Gemini's {@code FinishReason} values (https://ai.google.dev/api/generate-content#FinishReason) in the contract's
     * terms. Gemini ends a turn that calls functions with {@code STOP}; OpenAI with {@code tool_calls}. A prompt block
     * reason is a content filter.
     */
    static String finishReason(@Nullable String reason, boolean calledTools) {
        return switch (Objects.requireNonNullElse(reason, "")) {
            case "MAX_TOKENS" -> FinishReasons.LENGTH;
            case "SAFETY", "RECITATION", "LANGUAGE", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY",
                    "OTHER_BLOCK", "BLOCK_REASON_UNSPECIFIED" ->
                FinishReasons.CONTENT_FILTER;
            case "MALFORMED_FUNCTION_CALL", "UNEXPECTED_TOOL_CALL", "TOO_MANY_TOOL_CALLS" -> FinishReasons.ERROR;
            default -> calledTools ? FinishReasons.TOOL_CALLS : FinishReasons.STOP;
        };
    }

    /**
     * OpenAI's convention from Gemini's counts: completion tokens are candidates plus thoughts (Gemini counts them
     * apart); prompt tokens include the cached ones already, plus the tool-use prompt.
     */
    static @Nullable Usage usage(GenerateContentResponse.@Nullable UsageMetadata usage) {
        if (usage == null) {
            return null;
        }
        long prompt = Objects.requireNonNullElse(usage.promptTokenCount(), 0L)
                + Objects.requireNonNullElse(usage.toolUsePromptTokenCount(), 0L);
        long thoughts = Objects.requireNonNullElse(usage.thoughtsTokenCount(), 0L);
        long completion = Objects.requireNonNullElse(usage.candidatesTokenCount(), 0L) + thoughts;
        return Usage.of(prompt, completion, usage.cachedContentTokenCount(), null, usage.thoughtsTokenCount());
    }

    /** An error event's status: its HTTP {@code code}, else the one its status name stands for. */
    static ProviderException error(GeminiEvent.ErrorDetail error) {
        int status;
        if (error.code() != null && error.code() >= 400 && error.code() < 600) {
            status = error.code();
        } else {
            status = switch (Objects.requireNonNullElse(error.status(), "")) {
                case "INVALID_ARGUMENT", "FAILED_PRECONDITION" -> 400;
                case "PERMISSION_DENIED" -> 403;
                case "NOT_FOUND" -> 404;
                case "RESOURCE_EXHAUSTED" -> 429;
                case "UNAVAILABLE" -> 503;
                case "DEADLINE_EXCEEDED" -> 504;
                default -> 502;
            };
        }
        return ProviderException.ofStatus(status, "Gemini " + error.status() + ": " + error.message(), null);
    }
}
