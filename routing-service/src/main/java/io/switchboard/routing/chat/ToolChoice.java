package io.switchboard.routing.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code tool_choice} ({@code ChatToolChoice} in the contract): {@code "none"}, {@code "auto"}, {@code "required"}, or
 * one named function. Other objects (server tools) are kept as sent.
 */
@JsonDeserialize(using = ToolChoice.Reader.class)
public sealed interface ToolChoice {

    /** @param mode {@code none}, {@code auto} or {@code required} (checked by validation) */
    record Mode(@JsonValue String mode) implements ToolChoice {

        public static final String NONE = "none";
        public static final String AUTO = "auto";
        public static final String REQUIRED = "required";
    }

    /**
     * {@code {"type": "function", "function": {"name": ...}}}.
     *
     * @param type always {@code function}
     * @param function the function to call
     * @param extra other fields, kept
     */
    // The interface's reader chooses this record; the record itself is read field by field.
    @JsonDeserialize(using = ValueDeserializer.None.class)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Function(String type, @Nullable Name function,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements ToolChoice {

        public Function {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }

        public @Nullable String name() {
            return function == null ? null : function.name();
        }
    }

    /** @param name the function's name */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Name(@Nullable String name, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

        public Name {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }
    }

    /** @param raw a choice this service does not interpret, kept as sent */
    record Other(@JsonValue JsonNode raw) implements ToolChoice {
    }

    final class Reader extends ValueDeserializer<ToolChoice> {

        @Override
        public ToolChoice deserialize(JsonParser parser, DeserializationContext context) {
            JsonNode node = context.readTree(parser);
            if (node.isString()) {
                return new Mode(node.asString());
            }
            if (!node.isObject()) {
                return context.reportInputMismatch(ToolChoice.class,
                        "must be \"none\", \"auto\", \"required\" or {\"type\": \"function\", \"function\": "
                                + "{\"name\": ...}}");
            }
            if ("function".equals(node.path("type").asString(""))) {
                return context.readTreeAsValue(node, Function.class);
            }
            return new Other(node);
        }
    }
}
