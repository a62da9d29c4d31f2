package io.switchboard.routing.selection;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The parameters a request sends, in the vocabulary of an endpoint's {@code supported_parameters} (OpenRouter's
 * {@code /models} and https://openrouter.ai/docs/api-reference/parameters), for {@code provider.require_parameters}.
 * Fields outside that vocabulary (routing fields such as {@code models}, {@code provider}, {@code stream}, and fields
 * nobody lists as a parameter) are not parameters an endpoint could lack.
 */
final class RequestParameters {

    /** Request field → the parameter name endpoints list for it. */
    private static final Map<String, String> PARAMETERS = Map.ofEntries(Map.entry("max_tokens", "max_tokens"),
            Map.entry("max_completion_tokens", "max_tokens"), Map.entry("temperature", "temperature"),
            Map.entry("top_p", "top_p"), Map.entry("top_k", "top_k"), Map.entry("top_a", "top_a"),
            Map.entry("min_p", "min_p"), Map.entry("frequency_penalty", "frequency_penalty"),
            Map.entry("presence_penalty", "presence_penalty"), Map.entry("repetition_penalty", "repetition_penalty"),
            Map.entry("seed", "seed"), Map.entry("stop", "stop"), Map.entry("logit_bias", "logit_bias"),
            Map.entry("logprobs", "logprobs"), Map.entry("top_logprobs", "top_logprobs"), Map.entry("tools", "tools"),
            Map.entry("tool_choice", "tool_choice"), Map.entry("parallel_tool_calls", "parallel_tool_calls"),
            Map.entry("response_format", "response_format"), Map.entry("reasoning", "reasoning"),
            Map.entry("include_reasoning", "include_reasoning"), Map.entry("verbosity", "verbosity"),
            Map.entry("web_search_options", "web_search_options"));

    private RequestParameters() {
    }

    /** The parameters of a request, given as its JSON; a field sent as {@code null} is not sent. */
    static Set<String> of(JsonNode request) {
        Set<String> parameters = new LinkedHashSet<>();
        for (Map.Entry<String, String> parameter : PARAMETERS.entrySet()) {
            JsonNode value = request.get(parameter.getKey());
            if (value != null && !value.isNull()) {
                parameters.add(parameter.getValue());
            }
        }
        // A JSON schema is OpenRouter's "structured_outputs" on top of response_format.
        if ("json_schema".equals(request.path("response_format").path("type").asString(""))) {
            parameters.add("structured_outputs");
        }
        return parameters;
    }
}
