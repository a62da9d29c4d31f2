package io.switchboard.routing.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An OpenRouter chat request ({@code ChatRequest} in the contract). The parameters every wire format maps are typed;
 * every other field is kept in {@link #extra} and passed on to OpenAI-compatible providers, so new OpenAI and
 * OpenRouter parameters work before they are modelled here. {@link ChatRequestReader} reads and checks it.
 *
 * @param model the model id, optionally with a variant suffix ({@code :nitro}, {@code :floor})
 * @param models fallback models tried in order
 * @param messages the conversation
 * @param stream whether to answer with server-sent events
 * @param streamOptions stream options; usage is always reported, whatever {@code include_usage} says
 * @param maxTokens completion limit
 * @param maxCompletionTokens completion limit (OpenAI's newer name); wins over {@code max_tokens}
 * @param temperature sampling temperature, 0 to 2
 * @param topP nucleus sampling, 0 to 1
 * @param topK sample from the k likeliest tokens only
 * @param frequencyPenalty -2 to 2
 * @param presencePenalty -2 to 2
 * @param repetitionPenalty greater than 0, at most 2; 1 is no penalty
 * @param seed for reproducible sampling
 * @param stop up to four stop sequences (a string is one sequence)
 * @param logprobs whether to return token log probabilities
 * @param topLogprobs how many alternatives per token, 0 to 20
 * @param tools the tools the model may call
 * @param toolChoice whether and which tool must be called
 * @param parallelToolCalls whether several tools may be called in one turn
 * @param responseFormat text, any JSON object, or JSON matching a schema
 * @param reasoning OpenRouter's reasoning settings
 * @param user the caller's end-user id, recorded with the generation
 * @param provider OpenRouter provider preferences
 * @param extra every other field, passed through
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatRequest(@Nullable String model, @Nullable List<String> models, @Nullable List<ChatMessage> messages,
        @Nullable Boolean stream, @Nullable StreamOptions streamOptions, @Nullable Integer maxTokens,
        @Nullable Integer maxCompletionTokens, @Nullable Double temperature, @Nullable Double topP,
        @Nullable Integer topK, @Nullable Double frequencyPenalty, @Nullable Double presencePenalty,
        @Nullable Double repetitionPenalty, @Nullable Long seed,
        @JsonDeserialize(using = StopSequences.class) @Nullable List<String> stop, @Nullable Boolean logprobs,
        @Nullable Integer topLogprobs, @Nullable List<Tool> tools, @Nullable ToolChoice toolChoice,
        @Nullable Boolean parallelToolCalls, @Nullable ResponseFormat responseFormat,
        @Nullable ReasoningConfig reasoning, @Nullable String user, @Nullable ProviderPreferences provider,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    /**
     * Parameter names of OpenRouter's {@code supported_parameters} that this record keeps untyped in {@link #extra}.
     */
    private static final Set<String> UNTYPED_PARAMETERS = Set.of("logit_bias", "min_p", "top_a", "include_reasoning",
            "reasoning_effort", "verbosity", "web_search_options");

    public ChatRequest {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    /** A request with only a model and messages, the rest unset. */
    public static ChatRequest of(@Nullable String model, List<ChatMessage> messages) {
        return new ChatRequest(model, null, messages, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @JsonIgnore
    public boolean isStream() {
        return Boolean.TRUE.equals(stream);
    }

    public List<ChatMessage> messagesOrEmpty() {
        return messages == null ? List.of() : messages;
    }

    public List<Tool> toolsOrEmpty() {
        return tools == null ? List.of() : tools;
    }

    /** The completion limit the client set: {@code max_completion_tokens}, else {@code max_tokens}, else null. */
    public @Nullable Integer completionLimit() {
        return maxCompletionTokens != null ? maxCompletionTokens : maxTokens;
    }

    /** Whether reasoning was asked for ({@link ReasoningConfig#requested()}). */
    public boolean reasoningRequested() {
        return reasoning != null && reasoning.requested();
    }

    /** Whether the reasoning must be left out of the response. */
    public boolean reasoningExcluded() {
        return reasoning != null && reasoning.excluded();
    }

    /**
     * The parameters this request sets, named as in OpenRouter's {@code supported_parameters} (both token limits are
     * {@code max_tokens}; a JSON schema format is also {@code structured_outputs}), for {@code require_parameters}.
     */
    public Set<String> parametersSent() {
        Set<String> sent = new LinkedHashSet<>();
        addIf(sent, "max_tokens", completionLimit());
        addIf(sent, "temperature", temperature);
        addIf(sent, "top_p", topP);
        addIf(sent, "top_k", topK);
        addIf(sent, "frequency_penalty", frequencyPenalty);
        addIf(sent, "presence_penalty", presencePenalty);
        addIf(sent, "repetition_penalty", repetitionPenalty);
        addIf(sent, "seed", seed);
        addIf(sent, "stop", stop);
        addIf(sent, "logprobs", logprobs);
        addIf(sent, "top_logprobs", topLogprobs);
        addIf(sent, "tools", tools);
        addIf(sent, "tool_choice", toolChoice);
        addIf(sent, "parallel_tool_calls", parallelToolCalls);
        addIf(sent, "response_format", responseFormat);
        if (responseFormat instanceof ResponseFormat.JsonSchema) {
            sent.add("structured_outputs");
        }
        addIf(sent, "reasoning", reasoning);
        extra.keySet().stream().filter(UNTYPED_PARAMETERS::contains).forEach(sent::add);
        return sent;
    }

    private static void addIf(Set<String> sent, String name, @Nullable Object value) {
        if (value != null) {
            sent.add(name);
        }
    }

    /**
     * @param includeUsage whether a final usage chunk is wanted
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StreamOptions(@Nullable Boolean includeUsage,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

        public StreamOptions {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }
    }
}
