package io.switchboard.routing.chat;

import io.switchboard.kit.error.ApiException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules of the contract's {@code ChatRequest} that its JSON types alone do not express: required fields per role,
 * value ranges, and references between fields (a named {@code tool_choice} must name a declared tool). Each failure is
 * a 400 naming the field. Ranges are the contract's and OpenRouter's documented ones; a value inside them is passed to
 * the provider unchanged, never clamped.
 */
final class ChatRequestValidator {

    /** OpenAI's rule for function names, which Anthropic and Gemini share. */
    private static final Pattern FUNCTION_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final int MAX_STOP_SEQUENCES = 4;
    private static final int MAX_TOP_LOGPROBS = 20;
    private static final int MAX_SCHEMA_NAME = 64;

    private ChatRequestValidator() {
    }

    static void validate(ChatRequest request) {
        messages(request.messages());
        range("temperature", request.temperature(), 0, 2);
        range("top_p", request.topP(), 0, 1);
        range("frequency_penalty", request.frequencyPenalty(), -2, 2);
        range("presence_penalty", request.presencePenalty(), -2, 2);
        if (request.repetitionPenalty() != null
                && !(request.repetitionPenalty() > 0 && request.repetitionPenalty() <= 2)) {
            throw invalid("repetition_penalty", "must be greater than 0 and at most 2");
        }
        if (request.topK() != null && request.topK() < 0) {
            throw invalid("top_k", "must not be negative");
        }
        if (request.topLogprobs() != null && (request.topLogprobs() < 0 || request.topLogprobs() > MAX_TOP_LOGPROBS)) {
            throw invalid("top_logprobs", "must be between 0 and " + MAX_TOP_LOGPROBS);
        }
        if (request.stop() != null && request.stop().size() > MAX_STOP_SEQUENCES) {
            throw invalid("stop", "at most " + MAX_STOP_SEQUENCES + " stop sequences are allowed");
        }
        Set<String> toolNames = tools(request.toolsOrEmpty());
        toolChoice(request.toolChoice(), toolNames, request.tools() != null && !request.tools().isEmpty());
        responseFormat(request.responseFormat());
        reasoning(request.reasoning());
    }

    private static void messages(@Nullable List<ChatMessage> messages) {
        if (messages == null) {
            throw invalid("messages", "is required");
        }
        if (messages.isEmpty()) {
            throw invalid("messages", "must contain at least one message");
        }
        Set<String> callIds = new HashSet<>();
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            message("messages[" + i + "]", message);
            message.toolCallsOrEmpty().forEach(call -> callIds.add(call.id()));
            // Every format pairs a tool result with the call it answers: OpenAI and Anthropic refuse an unpaired one,
            // Gemini could not even name it.
            if (ChatMessage.TOOL.equals(message.role()) && !callIds.contains(message.toolCallId())) {
                throw invalid("messages[" + i + "].tool_call_id",
                        "no earlier assistant message has a tool call with this id");
            }
        }
    }

    private static void message(String at, @Nullable ChatMessage message) {
        if (message == null) {
            throw invalid(at, "must be an object");
        }
        String role = message.role();
        if (role == null) {
            throw invalid(at + ".role", "is required");
        }
        if (!ChatMessage.ROLES.contains(role)) {
            throw invalid(at + ".role", "must be one of " + String.join(", ", ChatMessage.ROLES));
        }
        boolean assistant = ChatMessage.ASSISTANT.equals(role);
        if (message.content() == null && !(assistant && !message.toolCallsOrEmpty().isEmpty())) {
            throw invalid(at + ".content", assistant ? "is required unless the message has tool_calls" : "is required");
        }
        if (message.content() instanceof MessageContent.Parts parts) {
            parts(at + ".content", parts.parts(), message.isInstruction());
        }
        if (message.toolCalls() != null) {
            if (!assistant) {
                throw invalid(at + ".tool_calls", "only assistant messages may call tools");
            }
            for (int j = 0; j < message.toolCalls().size(); j++) {
                toolCall(at + ".tool_calls[" + j + "]", message.toolCalls().get(j));
            }
        }
        if (ChatMessage.TOOL.equals(role) && (message.toolCallId() == null || message.toolCallId().isBlank())) {
            throw invalid(at + ".tool_call_id", "is required");
        }
    }

    private static void parts(String at, List<ContentPart> parts, boolean textOnly) {
        if (parts.isEmpty()) {
            throw invalid(at, "must not be an empty array");
        }
        for (int j = 0; j < parts.size(); j++) {
            String partAt = at + "[" + j + "]";
            ContentPart part = parts.get(j);
            switch (part) {
                case ContentPart.TextPart text when text.text() == null -> throw invalid(partAt + ".text",
                        "is required");
                case ContentPart.TextPart text -> {
                }
                case ContentPart.ImagePart image when image.url() == null -> throw invalid(partAt + ".image_url.url",
                        "is required");
                case ContentPart.ImagePart image when !isImageUrl(image.url()) -> throw invalid(
                        partAt + ".image_url.url", "must be an http(s) URL or a data URL");
                case ContentPart.ImagePart image -> {
                }
                case ContentPart.OtherPart other when other.type() == null -> throw invalid(partAt + ".type",
                        "is required");
                case ContentPart.OtherPart other -> {
                }
            }
            if (textOnly && !(part instanceof ContentPart.TextPart)) {
                throw invalid(partAt + ".type", "system and developer messages may only contain text parts");
            }
        }
    }

    private static boolean isImageUrl(@Nullable String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://") || url.startsWith("data:"));
    }

    private static void toolCall(String at, @Nullable ToolCall call) {
        if (call == null) {
            throw invalid(at, "must be an object");
        }
        if (call.id() == null || call.id().isBlank()) {
            throw invalid(at + ".id", "is required");
        }
        if (call.type() != null && !Tool.FUNCTION.equals(call.type())) {
            throw invalid(at + ".type", "must be function");
        }
        if (call.function() == null) {
            throw invalid(at + ".function", "is required");
        }
        if (call.function().name() == null || call.function().name().isBlank()) {
            throw invalid(at + ".function.name", "is required");
        }
        if (call.function().arguments() == null) {
            throw invalid(at + ".function.arguments", "is required");
        }
    }

    /** The declared function names; other tool types are passed through for the providers that know them. */
    private static Set<String> tools(List<Tool> tools) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tools.size(); i++) {
            String at = "tools[" + i + "]";
            Tool tool = tools.get(i);
            if (tool == null) {
                throw invalid(at, "must be an object");
            }
            if (tool.type() == null) {
                throw invalid(at + ".type", "is required");
            }
            if (!tool.isFunction()) {
                continue;
            }
            Tool.Function function = tool.function();
            if (function == null) {
                throw invalid(at + ".function", "is required");
            }
            if (function.name() == null || !FUNCTION_NAME.matcher(function.name()).matches()) {
                throw invalid(at + ".function.name", "must be 1 to 64 letters, digits, underscores or dashes");
            }
            if (!names.add(function.name())) {
                throw invalid(at + ".function.name", "another tool is already named " + function.name());
            }
            if (function.parameters() != null && !function.parameters().isObject()) {
                throw invalid(at + ".function.parameters", "must be a JSON Schema object");
            }
        }
        return names;
    }

    private static void toolChoice(@Nullable ToolChoice choice, Set<String> toolNames, boolean hasTools) {
        switch (choice) {
            case null -> {
            }
            case ToolChoice.Mode mode when !List.of(ToolChoice.Mode.NONE, ToolChoice.Mode.AUTO,
                    ToolChoice.Mode.REQUIRED).contains(mode.mode()) ->
                throw invalid("tool_choice",
                        "must be none, auto, required or a function");
            case ToolChoice.Mode mode when ToolChoice.Mode.REQUIRED.equals(mode.mode()) && !hasTools -> throw invalid(
                    "tool_choice", "required needs tools");
            case ToolChoice.Mode mode -> {
            }
            case ToolChoice.Function function when function.name() == null -> throw invalid(
                    "tool_choice.function.name", "is required");
            case ToolChoice.Function function when !toolNames.contains(function.name()) -> throw invalid(
                    "tool_choice.function.name", "no tool named " + function.name() + " in tools");
            case ToolChoice.Function function -> {
            }
            case ToolChoice.Other other -> {
            }
        }
    }

    private static void responseFormat(@Nullable ResponseFormat format) {
        switch (format) {
            case null -> {
            }
            case ResponseFormat.JsonSchema schema when schema.jsonSchema() == null -> throw invalid(
                    "response_format.json_schema", "is required");
            case ResponseFormat.JsonSchema schema -> {
                ResponseFormat.Schema spec = schema.jsonSchema();
                if (spec.name() == null || spec.name().isBlank() || spec.name().length() > MAX_SCHEMA_NAME) {
                    throw invalid("response_format.json_schema.name", "must be 1 to 64 characters");
                }
                if (spec.schema() != null && !spec.schema().isObject()) {
                    throw invalid("response_format.json_schema.schema", "must be a JSON Schema object");
                }
            }
            case ResponseFormat.Plain plain -> {
            }
            case ResponseFormat.Other other when other.type() == null -> throw invalid("response_format.type",
                    "is required");
            case ResponseFormat.Other other -> {
            }
        }
    }

    private static void reasoning(@Nullable ReasoningConfig reasoning) {
        if (reasoning == null) {
            return;
        }
        if (reasoning.effort() != null && !ReasoningConfig.EFFORTS.contains(reasoning.effort())) {
            throw invalid("reasoning.effort", "must be one of " + String.join(", ", ReasoningConfig.EFFORTS));
        }
        if (reasoning.maxTokens() != null && reasoning.maxTokens() < 0) {
            throw invalid("reasoning.max_tokens", "must not be negative");
        }
        // "One of the following (not both)" (openrouter.ai/docs/use-cases/reasoning-tokens).
        if (reasoning.effort() != null && reasoning.maxTokens() != null) {
            throw invalid("reasoning", "set effort or max_tokens, not both");
        }
    }

    private static void range(String field, @Nullable Double value, double min, double max) {
        if (value != null && !(value >= min && value <= max)) {
            throw invalid(field, "must be between " + format(min) + " and " + format(max));
        }
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }

    private static ApiException invalid(String field, String problem) {
        return ApiException.badRequest(field + ": " + problem);
    }
}
