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
 * One part of multi-part message content ({@code ChatContentItems} in the contract), told apart by {@code type}. Text
 * and images are what every wire format maps; other parts (audio, files, video) are kept as sent for the providers that
 * take them.
 */
@JsonDeserialize(using = ContentPart.Reader.class)
public sealed interface ContentPart {

    String TEXT = "text";
    String IMAGE_URL = "image_url";

    /** The {@code type} of the part, or null when the client sent none. */
    @Nullable
    String type();

    /**
     * @param type always {@code text}
     * @param text the text, required
     * @param extra other fields ({@code cache_control}, ...), kept
     */
    // The interface's reader chooses this record; the record itself is read field by field.
    @JsonDeserialize(using = ValueDeserializer.None.class)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TextPart(String type, @Nullable String text,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements ContentPart {

        public TextPart {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }

        public static TextPart of(String text) {
            return new TextPart(TEXT, text, new LinkedHashMap<>());
        }
    }

    /**
     * @param type always {@code image_url}
     * @param imageUrl where the image is: an {@code https:} URL or a {@code data:} URL with base64 content
     * @param extra other fields, kept
     */
    // The interface's reader chooses this record; the record itself is read field by field.
    @JsonDeserialize(using = ValueDeserializer.None.class)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ImagePart(String type, @Nullable ImageUrl imageUrl,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements ContentPart {

        public ImagePart {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }

        /** The image's URL, or null when the part has none (refused by validation). */
        public @Nullable String url() {
            return imageUrl == null ? null : imageUrl.url();
        }
    }

    /**
     * @param url {@code https://...} or {@code data:<media type>;base64,<data>}
     * @param detail {@code auto}, {@code low}, {@code high}, as OpenAI defines it
     * @param extra other fields, kept
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ImageUrl(@Nullable String url, @Nullable String detail,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

        public ImageUrl {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }
    }

    /**
     * A part this service does not interpret (audio, file, video, or a type not yet known), kept byte for byte.
     *
     * @param raw the part as the client sent it
     */
    record OtherPart(@JsonValue JsonNode raw) implements ContentPart {

        @Override
        public @Nullable String type() {
            JsonNode type = raw.get("type");
            return type != null && type.isString() ? type.asString() : null;
        }
    }

    /** Chooses the record by {@code type}; the chosen record is read by Jackson, so field errors keep their path. */
    final class Reader extends ValueDeserializer<ContentPart> {

        @Override
        public ContentPart deserialize(JsonParser parser, DeserializationContext context) {
            JsonNode node = context.readTree(parser);
            if (!node.isObject()) {
                return context.reportInputMismatch(ContentPart.class, "must be an object with a type");
            }
            String type = node.path("type").isString() ? node.get("type").asString() : "";
            return switch (type) {
                case TEXT -> context.readTreeAsValue(node, TextPart.class);
                case IMAGE_URL -> context.readTreeAsValue(node, ImagePart.class);
                default -> new OtherPart(node);
            };
        }
    }
}
