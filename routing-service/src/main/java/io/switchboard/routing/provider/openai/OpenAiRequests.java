package io.switchboard.routing.provider.openai;

import io.switchboard.routing.chat.ChatRequest;
import io.switchboard.routing.chat.ReasoningConfig;
import io.switchboard.routing.provider.ProviderCall;
import io.switchboard.routing.provider.ReasoningBudget;
import io.switchboard.routing.provider.SupportedParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The client's request as an OpenAI-compatible provider gets it. OpenRouter's chat format is OpenAI's, so it is the
 * same record: with the provider's model name, without OpenRouter's routing fields, without the parameters the
 * endpoint does not take, and with OpenRouter's {@code reasoning} object expressed as OpenAI's
 * {@code reasoning_effort}. Fields the gateway does not model pass through untouched.
 */
final class OpenAiRequests {

    /** OpenRouter-only fields, meaningless to a provider (openrouter.ai/docs/api-reference/parameters). */
    private static final List<String> OPENROUTER_FIELDS = List.of("transforms", "route", "usage", "models",
            "provider", "plugins", "session_id", "debug", "trace", "stop_server_tools_when");
    /** Parameters of OpenRouter's vocabulary kept untyped in {@link ChatRequest#extra()}. */
    private static final List<String> UNTYPED_PARAMETERS = List.of("logit_bias", "min_p", "top_a");
    private static final String REASONING_EFFORT = "reasoning_effort";

    private OpenAiRequests() {
    }

    static ChatRequest upstream(ProviderCall call, boolean stream, int defaultMaxTokens) {
        ChatRequest request = call.request();
        SupportedParameters supported = SupportedParameters.of(call);
        Map<String, JsonNode> extra = new LinkedHashMap<>(request.extra());
        extra.keySet().removeAll(OPENROUTER_FIELDS);
        UNTYPED_PARAMETERS.stream().filter(name -> !supported.has(name)).forEach(extra::remove);
        String effort = reasoningEffort(request, call, supported, defaultMaxTokens);
        if (effort != null && !extra.containsKey(REASONING_EFFORT)) {
            extra.put(REASONING_EFFORT, JsonNodeFactory.instance.stringNode(effort));
        }
        ChatRequest.StreamOptions streamOptions = stream
                // Always ask for the usage chunk: it is what the generation is billed on.
                ? new ChatRequest.StreamOptions(true, request.streamOptions() == null
                        ? new LinkedHashMap<>()
                        : request.streamOptions().extra())
                : null;
        return new ChatRequest(call.endpoint().upstreamModel(), null, request.messages(), stream ? true : null,
                streamOptions, request.maxTokens(), request.maxCompletionTokens(),
                supported.keep("temperature", request.temperature()), supported.keep("top_p", request.topP()),
                supported.keep("top_k", request.topK()),
                supported.keep("frequency_penalty", request.frequencyPenalty()),
                supported.keep("presence_penalty", request.presencePenalty()),
                supported.keep("repetition_penalty", request.repetitionPenalty()),
                supported.keep("seed", request.seed()), supported.keep("stop", request.stop()),
                supported.keep("logprobs", request.logprobs()), supported.keep("top_logprobs", request.topLogprobs()),
                supported.keep("tools", request.tools()), supported.keep("tool_choice", request.toolChoice()),
                supported.keep("parallel_tool_calls", request.parallelToolCalls()),
                supported.keep("response_format", request.responseFormat()), null, request.user(), null, extra);
    }

    /**
     * OpenAI takes an effort, not a budget: the effort as given, or the one a {@code reasoning.max_tokens} budget
     * stands for ({@link ReasoningBudget#effort}); nothing when reasoning was only enabled (the model's default) or
     * disabled.
     */
    private static @Nullable String reasoningEffort(ChatRequest request, ProviderCall call,
            SupportedParameters supported, int defaultMaxTokens) {
        ReasoningConfig reasoning = request.reasoning();
        if (reasoning == null || !supported.has("reasoning") || Boolean.FALSE.equals(reasoning.enabled())) {
            return null;
        }
        if (reasoning.effort() != null) {
            return reasoning.effort();
        }
        if (reasoning.maxTokens() != null) {
            Integer limit = request.completionLimit();
            Long endpointLimit = call.endpoint().maxCompletionTokens();
            int completionLimit = limit != null
                    ? limit
                    : endpointLimit != null ? endpointLimit.intValue() : defaultMaxTokens;
            return ReasoningBudget.effort(reasoning.maxTokens(), completionLimit);
        }
        return null;
    }
}
