package io.switchboard.simulator.anthropic;

import io.switchboard.simulator.reply.Overrides;
import io.switchboard.simulator.reply.PromptMessage;
import io.switchboard.simulator.reply.ReplyRequest;
import io.switchboard.simulator.reply.SimulatorOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads and checks a Messages request, refusing it in Anthropic's terms where the API would: a missing model,
 * {@code max_tokens} or {@code messages}, an unknown role, a thinking budget below 1024 or not below
 * {@code max_tokens} (https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking).
 */
final class MessagesRequestReader {

    static final int MIN_THINKING_BUDGET = 1024;

    /**
     * A request the simulator can answer.
     *
     * @param reply what decides the reply
     * @param stream whether the client asked for server-sent events
     */
    record MessagesCall(ReplyRequest reply, boolean stream) {
    }

    private MessagesRequestReader() {
    }

    static MessagesCall read(byte[] body) {
        MessagesRequest request = parse(body);
        if (request.model() == null || request.model().isBlank()) {
            throw AnthropicException.invalidRequest("model: Field required");
        }
        Integer maxTokens = request.maxTokens();
        if (maxTokens == null) {
            throw AnthropicException.invalidRequest("max_tokens: Field required");
        }
        if (maxTokens < 1) {
            throw AnthropicException.invalidRequest("max_tokens: Input should be greater than or equal to 1");
        }
        boolean thinking = thinking(request.thinking(), maxTokens);
        List<PromptMessage> messages = new ArrayList<>(system(request.system()));
        messages.addAll(messages(request.messages()));
        List<String> tools = request.tools() == null
                ? List.of()
                : request.tools()
                        .stream()
                        .filter(Objects::nonNull)
                        .map(MessagesRequest.Tool::name)
                        .filter(Objects::nonNull)
                        .toList();
        ReplyRequest reply = new ReplyRequest(request.model(), messages, maxTokens, overrides(request.simulator()),
                tools, thinking);
        return new MessagesCall(reply, Boolean.TRUE.equals(request.stream()));
    }

    private static MessagesRequest parse(byte[] body) {
        try {
            MessagesRequest request = AnthropicJson.read(body, MessagesRequest.class);
            if (request != null) {
                return request;
            }
        } catch (JacksonException notJson) {
            // refused below
        }
        throw AnthropicException.invalidRequest("The request body is not valid JSON.");
    }

    private static boolean thinking(MessagesRequest.@Nullable Thinking thinking, int maxTokens) {
        if (thinking == null || !"enabled".equals(thinking.type())) {
            return false;
        }
        Integer budget = thinking.budgetTokens();
        if (budget == null || budget < MIN_THINKING_BUDGET) {
            throw AnthropicException.invalidRequest(
                    "thinking.enabled.budget_tokens: Input should be greater than or equal to 1024");
        }
        if (budget >= maxTokens) {
            throw AnthropicException.invalidRequest("`max_tokens` must be greater than `thinking.budget_tokens`.");
        }
        return true;
    }

    private static List<PromptMessage> system(@Nullable JsonNode system) {
        if (system == null || system.isNull()) {
            return List.of();
        }
        List<String> texts = system.isString() ? List.of(system.asString()) : texts(system);
        return List.of(new PromptMessage("system", texts));
    }

    /**
     * The conversation in neutral terms. A user turn's {@code tool_result} blocks become a message of role
     * {@code tool}, so that the planner sees the tool's answer as the last message, not a user's request.
     */
    private static List<PromptMessage> messages(@Nullable List<MessagesRequest.@Nullable Message> wire) {
        if (wire == null || wire.isEmpty()) {
            throw AnthropicException.invalidRequest("messages: Field required");
        }
        List<PromptMessage> messages = new ArrayList<>();
        for (int i = 0; i < wire.size(); i++) {
            MessagesRequest.Message message = wire.get(i);
            String role = message == null ? null : message.role();
            if (!"user".equals(role) && !"assistant".equals(role)) {
                throw AnthropicException.invalidRequest("messages." + i + ".role: Input should be 'user' or "
                        + "'assistant'");
            }
            JsonNode content = message.content();
            if (content == null || content.isString()) {
                messages.add(new PromptMessage(role, content == null ? List.of() : List.of(content.asString())));
                continue;
            }
            List<String> results = new ArrayList<>();
            for (JsonNode block : content) {
                if ("tool_result".equals(block.path("type").asString(""))) {
                    JsonNode result = block.path("content");
                    results.addAll(result.isString() ? List.of(result.asString()) : texts(result));
                }
            }
            if (!results.isEmpty()) {
                messages.add(new PromptMessage("tool", results));
            }
            List<String> texts = texts(content);
            if (!texts.isEmpty() || results.isEmpty()) {
                messages.add(new PromptMessage(role, texts));
            }
        }
        return messages;
    }

    /** The texts of the {@code text} blocks; images, tool calls and thinking count for nothing. */
    private static List<String> texts(JsonNode blocks) {
        List<String> texts = new ArrayList<>();
        for (JsonNode block : blocks) {
            if ("text".equals(block.path("type").asString("")) && block.path("text").isString()) {
                texts.add(block.get("text").asString());
            }
        }
        return texts;
    }

    private static Overrides overrides(@Nullable SimulatorOptions options) {
        try {
            return SimulatorOptions.toOverrides(options);
        } catch (SimulatorOptions.InvalidOption invalid) {
            throw AnthropicException.invalidRequest(invalid.getMessage());
        }
    }
}
