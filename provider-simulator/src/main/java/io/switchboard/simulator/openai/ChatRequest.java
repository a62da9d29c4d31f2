package io.switchboard.simulator.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.switchboard.simulator.fault.FaultSpec;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The fields of an OpenAI chat-completions request the simulator reads. Every other field (temperature, tools,
 * response_format, fields OpenAI adds later) is ignored, as a provider that does not support it would. All fields are
 * nullable here; {@link ChatRequestReader} decides which are required.
 *
 * @param simulator per-request steering, an extension of the simulator's own that real providers would ignore
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
record ChatRequest(@Nullable String model, @Nullable List<@Nullable Message> messages, @Nullable Boolean stream,
        @Nullable StreamOptions streamOptions, @Nullable Integer maxTokens, @Nullable Integer maxCompletionTokens,
        @Nullable SimulatorOptions simulator) {

    /**
     * @param content a string, an array of content parts ({@code {"type":"text","text":...}},
     *        {@code {"type":"image_url",...}}), or null for an assistant message with tool calls
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(@Nullable String role, @Nullable JsonNode content) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StreamOptions(@Nullable Boolean includeUsage) {
    }

    /**
     * {@code "simulator": {"time_to_first_token_ms": 10, "tokens_per_second": 200, "reply_tokens": 20}}, and
     * {@code "fault": {...}} ({@link FaultSpec}) to make this request fail.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SimulatorOptions(@Nullable Long timeToFirstTokenMs, @Nullable Double tokensPerSecond,
            @Nullable Integer replyTokens, @Nullable FaultSpec fault) {
    }

    boolean streamed() {
        return Boolean.TRUE.equals(stream);
    }

    boolean includeUsage() {
        return streamOptions != null && Boolean.TRUE.equals(streamOptions.includeUsage());
    }
}
