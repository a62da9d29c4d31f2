package io.switchboard.routing.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A tool the model may call ({@code ChatFunctionTool} in the contract). Function tools are what every wire format
 * maps; other types (OpenRouter server tools) are kept in {@link #extra}.
 *
 * @param type {@code function}
 * @param function the function's declaration
 * @param extra other fields ({@code cache_control}, server tool settings), kept
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tool(@Nullable String type, @Nullable Function function,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public static final String FUNCTION = "function";

    public Tool {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    @JsonIgnore
    public boolean isFunction() {
        return FUNCTION.equals(type);
    }

    /**
     * @param name at most 64 letters, digits, {@code _} and {@code -}
     * @param description what the function does, for the model
     * @param parameters JSON Schema of the arguments object
     * @param strict whether the arguments must follow the schema exactly
     * @param extra other fields, kept
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Function(@Nullable String name, @Nullable String description, @Nullable JsonNode parameters,
            @Nullable Boolean strict, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

        public Function {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }
    }
}
