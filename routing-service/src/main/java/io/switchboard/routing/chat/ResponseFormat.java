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
 * {@code response_format}, told apart by {@code type}: {@code text}, {@code json_object}, {@code json_schema}
 * ({@code ChatFormat*Config} in the contract). Other types ({@code grammar}, {@code python}) are kept as sent.
 */
@JsonDeserialize(using = ResponseFormat.Reader.class)
public sealed interface ResponseFormat {

    String TEXT = "text";
    String JSON_OBJECT = "json_object";
    String JSON_SCHEMA = "json_schema";

    @Nullable
    String type();

    /** {@code text} or {@code json_object}: no schema. */
    // The interface's reader chooses this record; the record itself is read field by field.
    @JsonDeserialize(using = ValueDeserializer.None.class)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Plain(String type, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements ResponseFormat {

        public Plain {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }
    }

    /**
     * @param type always {@code json_schema}
     * @param jsonSchema the schema and its name
     * @param extra other fields, kept
     */
    // The interface's reader chooses this record; the record itself is read field by field.
    @JsonDeserialize(using = ValueDeserializer.None.class)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonSchema(String type, @Nullable Schema jsonSchema,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements ResponseFormat {

        public JsonSchema {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }
    }

    /**
     * {@code ChatJsonSchemaConfig}.
     *
     * @param name required by the contract, at most 64 characters
     * @param description what the output is
     * @param schema the JSON Schema the output must match
     * @param strict whether the provider must follow the schema exactly
     * @param extra other fields, kept
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Schema(@Nullable String name, @Nullable String description, @Nullable JsonNode schema,
            @Nullable Boolean strict, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

        public Schema {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }
    }

    /** @param raw a format this service does not interpret, kept as sent */
    record Other(@JsonValue JsonNode raw) implements ResponseFormat {

        @Override
        public @Nullable String type() {
            JsonNode type = raw.get("type");
            return type != null && type.isString() ? type.asString() : null;
        }
    }

    final class Reader extends ValueDeserializer<ResponseFormat> {

        @Override
        public ResponseFormat deserialize(JsonParser parser, DeserializationContext context) {
            JsonNode node = context.readTree(parser);
            if (!node.isObject()) {
                return context.reportInputMismatch(ResponseFormat.class, "must be an object with a type");
            }
            return switch (node.path("type").asString("")) {
                case TEXT, JSON_OBJECT -> context.readTreeAsValue(node, Plain.class);
                case JSON_SCHEMA -> context.readTreeAsValue(node, JsonSchema.class);
                default -> new Other(node);
            };
        }
    }
}
