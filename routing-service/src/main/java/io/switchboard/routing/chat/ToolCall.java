package io.switchboard.routing.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A tool call of an assistant message ({@code ChatToolCall} in the contract), as a client sends earlier turns back.
 *
 * @param id the call's id, which the {@code tool} message answering it names in {@code tool_call_id}
 * @param type {@code function}
 * @param function the function called and its arguments
 * @param extra other fields, kept
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolCall(@Nullable String id, @Nullable String type, @Nullable FunctionCall function,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public ToolCall {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    /**
     * @param name the function's name
     * @param arguments the arguments as a JSON text, as OpenAI defines it
     * @param extra other fields, kept
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FunctionCall(@Nullable String name, @Nullable String arguments,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

        public FunctionCall {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }
    }
}
