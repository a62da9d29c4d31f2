package io.switchboard.routing.provider.anthropic;

import io.switchboard.routing.chat.ChatMessage;
import io.switchboard.routing.chat.ChatRequest;
import io.switchboard.routing.chat.ContentPart;
import io.switchboard.routing.chat.MessageContent;
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
import io.switchboard.routing.provider.anthropic.MessagesRequest.Block;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenRouter chat request as a Messages request. System and developer messages become the top-level
 * {@code system}; assistant tool calls become {@code tool_use} blocks and tool messages {@code tool_result} blocks of a
 * user turn; images become {@code image} blocks (base64 or URL source); OpenRouter's {@code reasoning} becomes
 * {@code thinking} with a token budget. Consecutive turns of one role are joined, as Anthropic would join them anyway,
 * so that the results of parallel tool calls share the one user turn that must follow the calls.
 */
final class AnthropicRequests {

    private AnthropicRequests() {
    }

    static MessagesRequest of(ProviderCall call, boolean stream, AdapterProperties properties, JsonMapper mapper) {
        ChatRequest request = call.request();
        SupportedParameters supported = SupportedParameters.of(call);
        List<Block> system = new ArrayList<>();
        List<MessagesRequest.Message> messages = new ArrayList<>();
        List<ChatMessage> chat = request.messagesOrEmpty();
        for (int i = 0; i < chat.size(); i++) {
            ChatMessage message = chat.get(i);
            String at = "messages[" + i + "]";
            switch (Objects.requireNonNull(message.role())) {
                case ChatMessage.SYSTEM, ChatMessage.DEVELOPER -> system.addAll(blocks(message.content(), at, false));
                case ChatMessage.ASSISTANT -> append(messages, "assistant", assistantBlocks(message, at, mapper));
                case ChatMessage.TOOL -> append(messages, "user", List.of(MessagesRequest.ToolResultBlock.of(
                        Objects.requireNonNull(message.toolCallId()), blocks(message.content(), at, false))));
                default -> append(messages, "user", blocks(message.content(), at, false));
            }
        }
        int maxTokens = maxTokens(call, properties);
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        properties.passThroughFields()
                .stream()
                .filter(request.extra()::containsKey)
                .forEach(field -> extra.put(field, request.extra().get(field)));
        return new MessagesRequest(call.endpoint().upstreamModel(), maxTokens, system.isEmpty() ? null : system,
                messages, supported.keep("temperature", request.temperature()),
                supported.keep("top_p", request.topP()), supported.keep("top_k", request.topK()),
                supported.keep("stop", request.stop()), stream ? true : null,
                request.user() == null ? null : new MessagesRequest.Metadata(request.user()),
                supported.has("tools") ? tools(request.toolsOrEmpty()) : null,
                supported.has("tool_choice") || supported.has("parallel_tool_calls")
                        ? toolChoice(request, supported)
                        : null,
                thinking(request, supported, maxTokens), extra);
    }

    /** The client's limit, else the endpoint's, else the configured default: Anthropic requires one. */
    private static int maxTokens(ProviderCall call, AdapterProperties properties) {
        Integer limit = call.request().completionLimit();
        if (limit != null) {
            return limit;
        }
        Long endpointLimit = call.endpoint().maxCompletionTokens();
        return endpointLimit != null ? endpointLimit.intValue() : properties.defaultMaxTokens();
    }

    private static void append(List<MessagesRequest.Message> messages, String role, List<Block> blocks) {
        if (!messages.isEmpty() && messages.getLast().role().equals(role)) {
            List<Block> joined = new ArrayList<>(messages.getLast().content());
            joined.addAll(blocks);
            messages.set(messages.size() - 1, new MessagesRequest.Message(role, joined));
        } else {
            messages.add(new MessagesRequest.Message(role, blocks));
        }
    }

    private static List<Block> assistantBlocks(ChatMessage message, String at, JsonMapper mapper) {
        List<Block> blocks = new ArrayList<>(thinking(message));
        // Anthropic refuses empty text blocks; an assistant turn that only called tools has no text.
        blocks.addAll(blocks(message.content(), at, true));
        List<ToolCall> calls = message.toolCallsOrEmpty();
        for (int j = 0; j < calls.size(); j++) {
            ToolCall call = calls.get(j);
            ToolCall.FunctionCall function = Objects.requireNonNull(call.function());
            blocks.add(MessagesRequest.ToolUseBlock.of(Objects.requireNonNull(call.id()),
                    Objects.requireNonNull(function.name()),
                    ToolArguments.toObject(Objects.requireNonNullElse(function.arguments(), ""),
                            at + ".tool_calls[" + j + "].function.arguments", mapper)));
        }
        return blocks;
    }

    /**
     * The thinking of an earlier assistant turn, rebuilt from the {@code reasoning_details} the client sent back:
     * "when using extended thinking with tool use, you must pass thinking blocks back"
     * (https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking). Fragments of one block share an index;
     * a block without its signature cannot be verified by Anthropic and is left out.
     */
    private static List<Block> thinking(ChatMessage message) {
        Map<Integer, StringBuilder> texts = new TreeMap<>();
        Map<Integer, String> signatures = new HashMap<>();
        Map<Integer, String> redacted = new TreeMap<>();
        for (JsonNode detail : ReasoningDetails.of(message, ReasoningDetails.ANTHROPIC)) {
            int index = detail.path("index").asInt(0);
            switch (detail.path("type").asString("")) {
                case ReasoningDetails.TEXT -> {
                    texts.computeIfAbsent(index, i -> new StringBuilder()).append(detail.path("text").asString(""));
                    if (detail.path("signature").isString()) {
                        signatures.put(index, detail.get("signature").asString());
                    }
                }
                case ReasoningDetails.ENCRYPTED -> redacted.put(index, detail.path("data").asString(""));
                default -> {
                }
            }
        }
        Map<Integer, Block> ordered = new TreeMap<>();
        texts.forEach((index, text) -> {
            if (signatures.containsKey(index)) {
                ordered.put(index, MessagesRequest.ThinkingBlock.of(text.toString(), signatures.get(index)));
            }
        });
        redacted.forEach((index, data) -> ordered.put(index, MessagesRequest.RedactedThinkingBlock.of(data)));
        return List.copyOf(ordered.values());
    }

    private static List<Block> blocks(@Nullable MessageContent content, String at, boolean skipEmptyText) {
        return switch (content) {
            case null -> List.of();
            case MessageContent.Text(String text) when skipEmptyText && text.isEmpty() -> List.of();
            case MessageContent.Text(String text) -> List.of(MessagesRequest.TextBlock.of(text, null));
            case MessageContent.Parts(List<ContentPart> parts) -> {
                List<Block> blocks = new ArrayList<>(parts.size());
                for (int j = 0; j < parts.size(); j++) {
                    blocks.add(block(parts.get(j), at + ".content[" + j + "]"));
                }
                yield blocks;
            }
        };
    }

    private static Block block(ContentPart part, String at) {
        return switch (part) {
            case ContentPart.TextPart text -> MessagesRequest.TextBlock.of(Objects.requireNonNull(text.text()),
                    text.extra().get("cache_control"));
            case ContentPart.ImagePart image -> MessagesRequest.ImageBlock.of(
                    source(ImageSource.of(Objects.requireNonNull(image.url()), at + ".image_url.url")),
                    image.extra().get("cache_control"));
            case ContentPart.OtherPart other -> throw ProviderException.unsupported(
                    at + ": content of type " + other.type() + " is not supported by Anthropic");
        };
    }

    /** Both image sources of the Messages API: base64 data, or a URL Anthropic fetches. */
    private static MessagesRequest.ImageSource source(ImageSource source) {
        return switch (source) {
            case ImageSource.Inline inline -> new MessagesRequest.ImageSource("base64", inline.mediaType(),
                    inline.base64(), null);
            case ImageSource.Remote remote -> new MessagesRequest.ImageSource("url", null, null, remote.url());
        };
    }

    private static @Nullable List<MessagesRequest.ToolDefinition> tools(List<Tool> tools) {
        if (tools.isEmpty()) {
            return null;
        }
        List<MessagesRequest.ToolDefinition> definitions = new ArrayList<>(tools.size());
        for (int i = 0; i < tools.size(); i++) {
            Tool tool = tools.get(i);
            if (!tool.isFunction() || tool.function() == null) {
                throw ProviderException.unsupported(
                        "tools[" + i + "]: tools of type " + tool.type() + " are not supported by Anthropic");
            }
            JsonNode schema = tool.function().parameters();
            definitions.add(new MessagesRequest.ToolDefinition(Objects.requireNonNull(tool.function().name()),
                    tool.function().description(), schema != null ? schema : emptyObjectSchema()));
        }
        return definitions;
    }

    /** Anthropic requires an input schema; a function without parameters takes an empty object. */
    private static JsonNode emptyObjectSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        schema.putObject("properties");
        return schema;
    }

    /**
     * OpenAI's choices in Anthropic's terms: {@code auto}, {@code required} is {@code any}, a named function is
     * {@code tool}, {@code none}; {@code parallel_tool_calls: false} is {@code disable_parallel_tool_use}.
     */
    private static MessagesRequest.@Nullable ToolChoice toolChoice(ChatRequest request,
            SupportedParameters supported) {
        if (request.toolsOrEmpty().isEmpty()) {
            return null;
        }
        Boolean disableParallel = Boolean.FALSE.equals(supported.keep("parallel_tool_calls",
                request.parallelToolCalls())) ? true : null;
        ToolChoice choice = supported.keep("tool_choice", request.toolChoice());
        return switch (choice) {
            case ToolChoice.Mode mode when ToolChoice.Mode.REQUIRED.equals(mode.mode()) ->
                new MessagesRequest.ToolChoice("any", null, disableParallel);
            case ToolChoice.Mode mode when ToolChoice.Mode.NONE.equals(mode.mode()) ->
                new MessagesRequest.ToolChoice("none", null, null);
            case ToolChoice.Mode mode when ToolChoice.Mode.AUTO.equals(mode.mode()) ->
                new MessagesRequest.ToolChoice("auto", null, disableParallel);
            case ToolChoice.Function function -> new MessagesRequest.ToolChoice("tool", function.name(),
                    disableParallel);
            case null, default -> disableParallel == null
                    ? null
                    : new MessagesRequest.ToolChoice("auto", null, disableParallel);
        };
    }

    private static MessagesRequest.@Nullable Thinking thinking(ChatRequest request, SupportedParameters supported,
            int maxTokens) {
        if (!request.reasoningRequested() || !supported.has("reasoning")) {
            return null;
        }
        return new MessagesRequest.Thinking("enabled",
                ReasoningBudget.tokens(Objects.requireNonNull(request.reasoning()), maxTokens));
    }
}
