package io.switchboard.routing.provider.anthropic;

import io.switchboard.routing.chat.ChatCompletion;
import io.switchboard.routing.chat.Usage;
import io.switchboard.routing.provider.FinishReasons;
import io.switchboard.routing.provider.ProviderException;
import io.switchboard.routing.provider.ReasoningDetails;
import io.switchboard.routing.provider.ToolArguments;
import io.switchboard.routing.usage.TokenEstimator;
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

/** A Message as an OpenAI chat completion, and what the stream translation shares with it. */
final class AnthropicResponses {

    private AnthropicResponses() {
    }

    static ChatCompletion completion(MessagesResponse message, long created, boolean excludeReasoning,
            TokenEstimator estimator, JsonMapper mapper) {
        StringBuilder text = new StringBuilder();
        StringBuilder thinking = new StringBuilder();
        ArrayNode toolCalls = JsonNodeFactory.instance.arrayNode();
        ArrayNode details = JsonNodeFactory.instance.arrayNode();
        for (MessagesResponse.ContentBlock block : Objects.requireNonNullElse(message.content(),
                List.<MessagesResponse.ContentBlock>of())) {
            switch (Objects.requireNonNullElse(block.type(), "")) {
                case "text" -> text.append(Objects.requireNonNullElse(block.text(), ""));
                case "thinking" -> {
                    thinking.append(Objects.requireNonNullElse(block.thinking(), ""));
                    details.add(ReasoningDetails.text(block.thinking(), block.signature(), ReasoningDetails.ANTHROPIC,
                            details.size()));
                }
                case "redacted_thinking" -> details.add(ReasoningDetails.encrypted(
                        Objects.requireNonNullElse(block.data(), ""), null, ReasoningDetails.ANTHROPIC,
                        details.size()));
                case "tool_use" -> {
                    ObjectNode call = toolCalls.addObject();
                    call.put("id", block.id());
                    call.put("type", "function");
                    call.putObject("function")
                            .put("name", block.name())
                            .put("arguments", ToolArguments.toText(block.input(), mapper));
                }
                default -> {
                    // server tool blocks have no OpenAI equivalent
                }
            }
        }
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        if (!toolCalls.isEmpty()) {
            extra.put("tool_calls", toolCalls);
        }
        if (!thinking.isEmpty() && !excludeReasoning) {
            extra.put("reasoning", JsonNodeFactory.instance.stringNode(thinking.toString()));
        }
        if (!details.isEmpty() && !excludeReasoning) {
            extra.put(ReasoningDetails.FIELD, details);
        }
        String content = text.isEmpty() && !toolCalls.isEmpty() ? null : text.toString();
        ChatCompletion.Choice choice = new ChatCompletion.Choice(0,
                new ChatCompletion.Message("assistant", content, extra), finishReason(message.stopReason()),
                message.stopReason(), null, new LinkedHashMap<>());
        return new ChatCompletion(Objects.requireNonNullElse(message.id(), ""), null,
                Objects.requireNonNullElse(message.model(), ""), ChatCompletion.OBJECT, created, List.of(choice),
                null, usage(message.usage(), thinking.toString(), estimator), new LinkedHashMap<>());
    }

    /**
     * Anthropic's stop reasons (https://docs.anthropic.com/en/api/handling-stop-reasons) in the contract's terms; a
     * reason added later counts as a normal stop.
     */
    static String finishReason(@Nullable String stopReason) {
        return switch (Objects.requireNonNullElse(stopReason, "")) {
            case "max_tokens", "model_context_window_exceeded" -> FinishReasons.LENGTH;
            case "tool_use" -> FinishReasons.TOOL_CALLS;
            case "refusal" -> FinishReasons.CONTENT_FILTER;
            default -> FinishReasons.STOP;
        };
    }

    /**
     * OpenAI's convention from Anthropic's counts: prompt tokens are input plus cache reads plus cache writes, since
     * Anthropic's {@code input_tokens} leaves both out. Anthropic counts thinking inside {@code output_tokens} without
     * reporting it apart, so the reasoning share is counted from the thinking text with the tokenizer (never above
     * the output tokens); billing is unaffected, Anthropic prices thinking as output.
     */
    static @Nullable Usage usage(MessagesResponse.@Nullable Usage usage, String thinking, TokenEstimator estimator) {
        if (usage == null) {
            return null;
        }
        long cacheRead = Objects.requireNonNullElse(usage.cacheReadInputTokens(), 0L);
        long cacheWrite = Objects.requireNonNullElse(usage.cacheCreationInputTokens(), 0L);
        long output = Objects.requireNonNullElse(usage.outputTokens(), 0L);
        long prompt = Objects.requireNonNullElse(usage.inputTokens(), 0L) + cacheRead + cacheWrite;
        Long reasoning = thinking.isEmpty() ? null : Math.min(output, estimator.count(thinking));
        return Usage.of(prompt, output, cacheRead, cacheWrite, reasoning);
    }

    /**
     * The HTTP status an error type stands for (https://docs.anthropic.com/en/api/errors), which decides whether
     * another endpoint may be tried: {@code overloaded_error} is 529, retryable.
     */
    static ProviderException error(@Nullable String type, @Nullable String message) {
        int status = switch (Objects.requireNonNullElse(type, "")) {
            case "invalid_request_error" -> 400;
            case "authentication_error" -> 401;
            case "billing_error" -> 402;
            case "permission_error" -> 403;
            case "not_found_error" -> 404;
            case "request_too_large" -> 413;
            case "rate_limit_error" -> 429;
            case "api_error" -> 500;
            case "timeout_error" -> 504;
            case "overloaded_error" -> 529;
            default -> 502;
        };
        return ProviderException.ofStatus(status, "Anthropic " + type + ": " + message, null);
    }
}
