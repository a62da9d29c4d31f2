package io.switchboard.simulator.openai;

import io.switchboard.simulator.fault.FaultSpec;
import io.switchboard.simulator.reply.Overrides;
import io.switchboard.simulator.reply.PromptMessage;
import io.switchboard.simulator.reply.ReplyRequest;
import io.switchboard.simulator.reply.SimulatorOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;

/**
 * Reads and checks a chat-completions request body, refusing it with OpenAI's own messages and codes where the
 * simulator needs a field, so clients see the same 400s they would from OpenAI.
 */
final class ChatRequestReader {

    /**
     * A request the simulator can answer.
     *
     * @param reply what decides the reply
     * @param stream whether the client asked for server-sent events
     * @param includeUsage whether a stream ends with a usage chunk
     * @param fault the fault the request asked for ({@code simulator.fault}), null for none
     */
    record ChatCall(ReplyRequest reply, boolean stream, boolean includeUsage, @Nullable FaultSpec fault) {
    }

    private ChatRequestReader() {
    }

    static ChatCall read(byte[] body) {
        ChatRequest request = parse(body);
        String model = request.model();
        if (model == null || model.isBlank()) {
            throw OpenAiException.invalidRequest("you must provide a model parameter", null, null);
        }
        List<PromptMessage> messages = messages(request.messages());
        Integer maxTokens = maxTokens(request);
        ReplyRequest reply = new ReplyRequest(model, messages, maxTokens, overrides(request.simulator()),
                request.toolNames(), request.reasoningRequested());
        return new ChatCall(reply, request.streamed(), request.includeUsage(), fault(request.simulator()));
    }

    private static ChatRequest parse(byte[] body) {
        ChatRequest request;
        try {
            request = OpenAiJson.read(body, ChatRequest.class);
        } catch (DatabindException e) {
            if (e.getPath().isEmpty()) {
                throw unparseable();
            }
            throw OpenAiException.invalidRequest("Invalid type for '" + path(e) + "'.", path(e), "invalid_type");
        } catch (JacksonException e) {
            throw unparseable();
        }
        if (request == null) {
            throw unparseable();
        }
        return request;
    }

    private static OpenAiException unparseable() {
        return OpenAiException.invalidRequest("We could not parse the JSON body of your request. The OpenAI API "
                + "expects a JSON payload, but what was sent was not valid JSON.", null, null);
    }

    private static String path(DatabindException e) {
        return e.getPath()
                .stream()
                .map(reference -> reference.getPropertyName() != null
                        ? "." + reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static List<PromptMessage> messages(@Nullable List<ChatRequest.@Nullable Message> wire) {
        if (wire == null) {
            throw missing("messages");
        }
        if (wire.isEmpty()) {
            throw OpenAiException.invalidRequest("Invalid 'messages': empty array. Expected an array with minimum "
                    + "length 1, but got an empty array instead.", "messages", "empty_array");
        }
        List<PromptMessage> messages = new ArrayList<>(wire.size());
        for (int i = 0; i < wire.size(); i++) {
            ChatRequest.Message message = wire.get(i);
            String role = message == null ? null : message.role();
            if (message == null || role == null) {
                throw missing("messages[" + i + "].role");
            }
            messages.add(new PromptMessage(role, texts(message.content())));
        }
        return messages;
    }

    /** The text of a message: the string itself, or the {@code text} of each text part; other parts count nothing. */
    private static List<String> texts(@Nullable JsonNode content) {
        if (content == null) {
            return List.of();
        }
        if (content.isString()) {
            return List.of(content.stringValue());
        }
        List<String> texts = new ArrayList<>();
        if (content.isArray()) {
            for (JsonNode part : content) {
                JsonNode type = part.get("type");
                JsonNode text = part.get("text");
                if (type != null && "text".equals(type.stringValue(null)) && text != null && text.isString()) {
                    texts.add(text.stringValue());
                }
            }
        }
        return texts;
    }

    /**
     * {@code max_completion_tokens} replaced {@code max_tokens} (OpenAI API reference), so it wins when a client sends
     * both.
     */
    private static @Nullable Integer maxTokens(ChatRequest request) {
        if (request.maxCompletionTokens() != null) {
            return atLeastOne("max_completion_tokens", request.maxCompletionTokens());
        }
        if (request.maxTokens() != null) {
            return atLeastOne("max_tokens", request.maxTokens());
        }
        return null;
    }

    private static int atLeastOne(String param, int value) {
        if (value < 1) {
            throw OpenAiException.invalidRequest("Invalid '" + param + "': integer below minimum value. Expected a "
                    + "value >= 1, but got " + value + " instead.", param, "integer_below_min_value");
        }
        return value;
    }

    private static Overrides overrides(@Nullable SimulatorOptions options) {
        try {
            return SimulatorOptions.toOverrides(options);
        } catch (SimulatorOptions.InvalidOption invalid) {
            throw OpenAiException.invalidRequest(invalid.getMessage(), invalid.field(), "invalid_value");
        }
    }

    private static @Nullable FaultSpec fault(@Nullable SimulatorOptions options) {
        FaultSpec fault = options == null ? null : options.fault();
        if (fault != null) {
            try {
                fault.toFault();
            } catch (IllegalArgumentException invalid) {
                throw OpenAiException.invalidRequest("Invalid 'simulator.fault." + invalid.getMessage() + "'.",
                        "simulator.fault", "invalid_value");
            }
        }
        return fault;
    }

    private static OpenAiException missing(String param) {
        return OpenAiException.invalidRequest("Missing required parameter: '" + param + "'.", param,
                "missing_required_parameter");
    }
}
