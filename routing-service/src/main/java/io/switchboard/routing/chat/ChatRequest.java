package io.switchboard.routing.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An OpenRouter chat request ({@code ChatRequest} in the contract). Fields routing-service interprets are typed;
 * every other field is kept in {@link #extra} and passed on to providers, so new OpenAI and
 * OpenRouter parameters work before they are modelled here.
 *
 * @param model the model id, optionally with a variant suffix ({@code :nitro}, {@code :floor})
 * @param models fallback models tried in order
 * @param messages the conversation
 * @param stream whether to answer with server-sent events
 * @param streamOptions stream options; usage is always reported, whatever {@code include_usage} says
 * @param maxTokens completion limit
 * @param maxCompletionTokens completion limit (OpenAI's newer name)
 * @param user the caller's end-user id, recorded with the generation
 * @param provider OpenRouter provider preferences
 * @param extra every other field, passed through
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatRequest(@Nullable String model, @Nullable List<String> models, @Nullable List<ChatMessage> messages,
        @Nullable Boolean stream, @Nullable StreamOptions streamOptions, @Nullable Integer maxTokens,
        @Nullable Integer maxCompletionTokens, @Nullable String user, @Nullable ProviderPreferences provider,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public ChatRequest {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    public boolean isStream() {
        return Boolean.TRUE.equals(stream);
    }

    /** The same request for another model id, as a provider knows it. */
    public ChatRequest withModel(String upstreamModel) {
        return new ChatRequest(upstreamModel, models, messages, stream, streamOptions, maxTokens, maxCompletionTokens,
                user, provider, extra);
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
