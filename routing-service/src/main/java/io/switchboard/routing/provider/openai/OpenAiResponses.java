package io.switchboard.routing.provider.openai;

import io.switchboard.routing.chat.ChatChunk;
import io.switchboard.routing.chat.ChatCompletion;
import io.switchboard.routing.provider.FinishReasons;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What differs between OpenAI-compatible servers in their answers, made uniform: finish reasons outside the contract's
 * five, and reasoning sent as {@code reasoning_content} (DeepSeek, vLLM, Together) rather than OpenRouter's
 * {@code reasoning}. Everything else passes untouched.
 */
final class OpenAiResponses {

    private static final String REASONING = "reasoning";
    private static final List<String> REASONING_FIELDS = List.of(REASONING, "reasoning_content", "reasoning_details");

    private OpenAiResponses() {
    }

    static ChatCompletion normalise(ChatCompletion completion, boolean excludeReasoning) {
        List<ChatCompletion.Choice> choices = completion.choices()
                .stream()
                .map(choice -> new ChatCompletion.Choice(choice.index(),
                        new ChatCompletion.Message(choice.message().role(), choice.message().content(),
                                reasoning(choice.message().extra(), excludeReasoning)),
                        finishReason(choice.finishReason()), nativeOf(choice.finishReason(),
                                choice.nativeFinishReason()),
                        choice.logprobs(), choice.extra()))
                .toList();
        return new ChatCompletion(completion.id(), completion.provider(), completion.model(), completion.object(),
                completion.created(), choices, completion.systemFingerprint(), completion.usage(), completion.extra());
    }

    static ChatChunk normalise(ChatChunk chunk, boolean excludeReasoning) {
        List<ChatChunk.ChunkChoice> choices = chunk.choices()
                .stream()
                .map(choice -> new ChatChunk.ChunkChoice(choice.index(),
                        new ChatChunk.Delta(choice.delta().role(), choice.delta().content(),
                                reasoning(choice.delta().extra(), excludeReasoning)),
                        finishReason(choice.finishReason()), nativeOf(choice.finishReason(),
                                choice.nativeFinishReason()),
                        choice.logprobs(), choice.extra()))
                .toList();
        return new ChatChunk(chunk.id(), chunk.provider(), chunk.model(), chunk.object(), chunk.created(), choices,
                chunk.systemFingerprint(), chunk.usage(), chunk.error(), chunk.extra());
    }

    /** The contract's finish reason for an OpenAI-compatible one; legacy and server-specific values mapped. */
    static @Nullable String finishReason(@Nullable String reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case FinishReasons.STOP, FinishReasons.LENGTH, FinishReasons.TOOL_CALLS, FinishReasons.CONTENT_FILTER,
                    FinishReasons.ERROR ->
                reason;
            case "function_call" -> FinishReasons.TOOL_CALLS;
            case "max_tokens", "model_length" -> FinishReasons.LENGTH;
            default -> FinishReasons.STOP;
        };
    }

    private static @Nullable String nativeOf(@Nullable String reason, @Nullable String nativeReason) {
        return nativeReason != null ? nativeReason : reason;
    }

    private static Map<String, JsonNode> reasoning(Map<String, JsonNode> extra, boolean exclude) {
        if (exclude) {
            Map<String, JsonNode> without = new LinkedHashMap<>(extra);
            without.keySet().removeAll(REASONING_FIELDS);
            return without;
        }
        JsonNode reasoningContent = extra.get("reasoning_content");
        if (reasoningContent == null || extra.containsKey(REASONING)) {
            return extra;
        }
        Map<String, JsonNode> renamed = new LinkedHashMap<>();
        extra.forEach((key, value) -> renamed.put("reasoning_content".equals(key) ? REASONING : key, value));
        return renamed;
    }
}
