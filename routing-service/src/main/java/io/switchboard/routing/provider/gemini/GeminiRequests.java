package io.switchboard.routing.provider.gemini;

import io.switchboard.routing.chat.ChatMessage;
import io.switchboard.routing.chat.ChatRequest;
import io.switchboard.routing.chat.ContentPart;
import io.switchboard.routing.chat.MessageContent;
import io.switchboard.routing.chat.ReasoningConfig;
import io.switchboard.routing.chat.ResponseFormat;
import io.switchboard.routing.chat.Tool;
import io.switchboard.routing.chat.ToolCall;
import io.switchboard.routing.chat.ToolChoice;
import io.switchboard.routing.provider.AdapterProperties;
import io.switchboard.routing.provider.ImageSource;
import io.switchboard.routing.provider.ProviderCall;
import io.switchboard.routing.provider.ProviderException;
import io.switchboard.routing.provider.ReasoningBudget;
import io.switchboard.routing.provider.ReasoningDetails;
import io.switchboard.routing.provider.SupportedParameters;
import io.switchboard.routing.provider.ToolArguments;
import io.switchboard.routing.provider.gemini.GenerateContentRequest.Content;
import io.switchboard.routing.provider.gemini.GenerateContentRequest.Part;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * An OpenRouter chat request as a {@code generateContent} request (https://ai.google.dev/api/generate-content). System
 * messages become {@code systemInstruction}; assistant turns are role {@code model}, their tool calls
 * {@code functionCall} parts; tool messages are {@code functionResponse} parts of a user turn, named after the call
 * they answer (Gemini matches responses to calls by name); images are {@code inlineData} or {@code fileData};
 * {@code response_format} is {@code responseMimeType} with {@code responseJsonSchema}; {@code reasoning} is
 * {@code thinkingConfig}. Consecutive turns of one role are joined: Gemini wants the responses to one turn's parallel
 * calls in one turn.
 */
final class GeminiRequests {

    private static final String JSON = "application/json";

    private GeminiRequests() {
    }

    static GenerateContentRequest of(ProviderCall call, AdapterProperties properties, JsonMapper mapper) {
        ChatRequest request = call.request();
        SupportedParameters supported = SupportedParameters.of(call);
        List<Part> system = new ArrayList<>();
        List<Content> contents = new ArrayList<>();
        Map<String, String> functionOfCall = new HashMap<>();
        List<ChatMessage> messages = request.messagesOrEmpty();
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            String at = "messages[" + i + "]";
            switch (Objects.requireNonNull(message.role())) {
                case ChatMessage.SYSTEM, ChatMessage.DEVELOPER -> system.addAll(parts(message.content(), at, true));
                case ChatMessage.ASSISTANT -> append(contents, "model", modelParts(message, at, functionOfCall,
                        mapper));
                case ChatMessage.TOOL -> append(contents, "user", List.of(functionResponse(message, at,
                        functionOfCall, mapper)));
                default -> append(contents, "user", parts(message.content(), at, false));
            }
        }
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        properties.passThroughFields()
                .stream()
                .filter(request.extra()::containsKey)
                .forEach(field -> extra.put(field, request.extra().get(field)));
        GenerateContentRequest.GenerationConfig config = generationConfig(call, supported, properties);
        return new GenerateContentRequest(contents, system.isEmpty() ? null : new Content(null, system),
                supported.has("tools") ? tools(request.toolsOrEmpty()) : null,
                supported.has("tool_choice") ? toolConfig(request) : null, config.unset() ? null : config, extra);
    }

    private static void append(List<Content> contents, String role, List<Part> parts) {
        if (!contents.isEmpty() && Objects.equals(contents.getLast().role(), role)) {
            List<Part> joined = new ArrayList<>(contents.getLast().parts());
            joined.addAll(parts);
            contents.set(contents.size() - 1, new Content(role, joined));
        } else {
            contents.add(new Content(role, parts));
        }
    }

    private static List<Part> modelParts(ChatMessage message, String at, Map<String, String> functionOfCall,
            JsonMapper mapper) {
        List<Part> parts = new ArrayList<>(parts(message.content(), at, true));
        Map<String, String> signatures = new HashMap<>();
        for (JsonNode detail : ReasoningDetails.of(message, ReasoningDetails.GEMINI)) {
            if (ReasoningDetails.ENCRYPTED.equals(detail.path("type").asString("")) && detail.path("id").isString()) {
                signatures.put(detail.get("id").asString(), detail.path("data").asString(""));
            }
        }
        List<ToolCall> calls = message.toolCallsOrEmpty();
        for (int j = 0; j < calls.size(); j++) {
            ToolCall call = calls.get(j);
            ToolCall.FunctionCall function = Objects.requireNonNull(call.function());
            String name = Objects.requireNonNull(function.name());
            String id = Objects.requireNonNull(call.id());
            functionOfCall.put(id, name);
            parts.add(new Part(null, null, null, new GenerateContentRequest.FunctionCall(name,
                    ToolArguments.toObject(Objects.requireNonNullElse(function.arguments(), ""),
                            at + ".tool_calls[" + j + "].function.arguments", mapper)),
                    null, signatures.get(id)));
        }
        return parts;
    }

    /**
     * A tool's answer as a {@code functionResponse}. Gemini wants an object: a JSON object answer is passed as is,
     * any other answer is wrapped as {@code {"content": <text>}}.
     */
    private static Part functionResponse(ChatMessage message, String at, Map<String, String> functionOfCall,
            JsonMapper mapper) {
        String name = functionOfCall.get(message.toolCallId());
        if (name == null) {
            throw ProviderException.unsupported(at + ".tool_call_id: no earlier assistant tool call has the id "
                    + message.toolCallId());
        }
        String text = message.text();
        JsonNode response = null;
        try {
            JsonNode parsed = mapper.readTree(text);
            response = parsed != null && parsed.isObject() ? parsed : null;
        } catch (JacksonException notJson) {
            // wrapped below
        }
        if (response == null) {
            response = JsonNodeFactory.instance.objectNode().put("content", text);
        }
        return new Part(null, null, null, null, new GenerateContentRequest.FunctionResponse(name, response), null);
    }

    private static List<Part> parts(@Nullable MessageContent content, String at, boolean skipEmptyText) {
        return switch (content) {
            case null -> List.of();
            case MessageContent.Text(String text) when skipEmptyText && text.isEmpty() -> List.of();
            case MessageContent.Text(String text) -> List.of(Part.text(text));
            case MessageContent.Parts(List<ContentPart> parts) -> {
                List<Part> converted = new ArrayList<>(parts.size());
                for (int j = 0; j < parts.size(); j++) {
                    converted.add(part(parts.get(j), at + ".content[" + j + "]"));
                }
                yield converted;
            }
        };
    }

    private static Part part(ContentPart part, String at) {
        return switch (part) {
            case ContentPart.TextPart text -> Part.text(Objects.requireNonNull(text.text()));
            case ContentPart.ImagePart image -> switch (ImageSource.of(Objects.requireNonNull(image.url()),
                    at + ".image_url.url")) {
                case ImageSource.Inline inline -> new Part(null, new GenerateContentRequest.Blob(inline.mediaType(),
                        inline.base64()), null, null, null, null);
                case ImageSource.Remote remote -> new Part(null, null,
                        new GenerateContentRequest.FileData(mimeType(remote.url()), remote.url()), null, null, null);
            };
            case ContentPart.OtherPart other -> throw ProviderException.unsupported(
                    at + ": content of type " + other.type() + " is not supported by Gemini");
        };
    }

    /** The image type a URL's file extension names, or null to let Gemini tell. */
    static @Nullable String mimeType(String url) {
        String path = url.toLowerCase(Locale.ROOT);
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        if (path.endsWith(".png")) {
            return "image/png";
        }
        if (path.endsWith(".jpg") || path.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (path.endsWith(".webp")) {
            return "image/webp";
        }
        if (path.endsWith(".gif")) {
            return "image/gif";
        }
        return null;
    }

    private static @Nullable List<GenerateContentRequest.Tool> tools(List<Tool> tools) {
        if (tools.isEmpty()) {
            return null;
        }
        List<GenerateContentRequest.FunctionDeclaration> declarations = new ArrayList<>(tools.size());
        for (int i = 0; i < tools.size(); i++) {
            Tool tool = tools.get(i);
            if (!tool.isFunction() || tool.function() == null) {
                throw ProviderException.unsupported(
                        "tools[" + i + "]: tools of type " + tool.type() + " are not supported by Gemini");
            }
            declarations.add(new GenerateContentRequest.FunctionDeclaration(
                    Objects.requireNonNull(tool.function().name()), tool.function().description(),
                    tool.function().parameters()));
        }
        return List.of(new GenerateContentRequest.Tool(declarations));
    }

    /** OpenAI's choices as Gemini's modes: {@code required} is {@code ANY}, a named function {@code ANY} of one. */
    private static GenerateContentRequest.@Nullable ToolConfig toolConfig(ChatRequest request) {
        GenerateContentRequest.FunctionCallingConfig config = switch (request.toolChoice()) {
            case ToolChoice.Mode mode when ToolChoice.Mode.AUTO.equals(mode.mode()) ->
                new GenerateContentRequest.FunctionCallingConfig("AUTO", null);
            case ToolChoice.Mode mode when ToolChoice.Mode.REQUIRED.equals(mode.mode()) ->
                new GenerateContentRequest.FunctionCallingConfig("ANY", null);
            case ToolChoice.Mode mode when ToolChoice.Mode.NONE.equals(mode.mode()) ->
                new GenerateContentRequest.FunctionCallingConfig("NONE", null);
            case ToolChoice.Function function -> new GenerateContentRequest.FunctionCallingConfig("ANY",
                    List.of(Objects.requireNonNull(function.name())));
            case null, default -> null;
        };
        return config == null ? null : new GenerateContentRequest.ToolConfig(config);
    }

    private static GenerateContentRequest.GenerationConfig generationConfig(ProviderCall call,
            SupportedParameters supported, AdapterProperties properties) {
        ChatRequest request = call.request();
        ResponseFormat format = supported.keep("response_format", request.responseFormat());
        String mimeType = null;
        JsonNode schema = null;
        if (format instanceof ResponseFormat.JsonSchema jsonSchema) {
            mimeType = JSON;
            schema = Objects.requireNonNull(jsonSchema.jsonSchema()).schema();
        } else if (format != null && ResponseFormat.JSON_OBJECT.equals(format.type())) {
            mimeType = JSON;
        }
        return new GenerateContentRequest.GenerationConfig(supported.keep("stop", request.stop()), mimeType, schema,
                request.completionLimit(), supported.keep("temperature", request.temperature()),
                supported.keep("top_p", request.topP()), supported.keep("top_k", request.topK()),
                supported.keep("seed", request.seed()), supported.keep("presence_penalty", request.presencePenalty()),
                supported.keep("frequency_penalty", request.frequencyPenalty()),
                supported.has("reasoning") ? thinking(call, properties) : null);
    }

    /**
     * OpenRouter's reasoning settings as Gemini's {@code thinkingConfig}: a budget ({@link ReasoningBudget}), -1 (the
     * model decides) when reasoning is only enabled, 0 when it is turned off; {@code includeThoughts} unless excluded.
     */
    private static GenerateContentRequest.@Nullable ThinkingConfig thinking(ProviderCall call,
            AdapterProperties properties) {
        ReasoningConfig reasoning = call.request().reasoning();
        if (reasoning == null) {
            return null;
        }
        if (!reasoning.requested()) {
            return Boolean.FALSE.equals(reasoning.enabled()) || ReasoningConfig.NONE.equals(reasoning.effort())
                    ? new GenerateContentRequest.ThinkingConfig(null, 0)
                    : null;
        }
        Boolean include = reasoning.excluded() ? null : true;
        if (reasoning.effort() == null && reasoning.maxTokens() == null) {
            return new GenerateContentRequest.ThinkingConfig(include, -1);
        }
        Integer limit = call.request().completionLimit();
        Long endpointLimit = call.endpoint().maxCompletionTokens();
        int completionLimit = limit != null
                ? limit
                : endpointLimit != null ? endpointLimit.intValue() : properties.defaultMaxTokens();
        return new GenerateContentRequest.ThinkingConfig(include, ReasoningBudget.tokens(reasoning, completionLimit));
    }
}
