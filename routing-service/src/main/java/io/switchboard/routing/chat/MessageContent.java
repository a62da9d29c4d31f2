package io.switchboard.routing.chat;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The {@code content} of a chat message: a plain string, or an array of content parts ({@code ChatUserMessage} in the
 * contract: {@code anyOf: [string, ChatContentItems[]]}). Written back in the form it was read, so OpenAI-compatible
 * providers receive exactly what the client sent.
 */
@JsonDeserialize(using = MessageContent.Reader.class)
public sealed interface MessageContent {

    /** The text of the content: the string itself, or the text parts concatenated. */
    String text();

    /** @param text the whole content */
    record Text(@JsonValue String text) implements MessageContent {
    }

    /** @param parts text, image and other parts, in order */
    record Parts(@JsonValue List<ContentPart> parts) implements MessageContent {

        public Parts {
            parts = List.copyOf(parts);
        }

        @Override
        public String text() {
            StringBuilder text = new StringBuilder();
            for (ContentPart part : parts) {
                if (part instanceof ContentPart.TextPart textPart && textPart.text() != null) {
                    text.append(textPart.text());
                }
            }
            return text.toString();
        }

        public long images() {
            return parts.stream().filter(ContentPart.ImagePart.class::isInstance).count();
        }
    }

    static MessageContent of(String text) {
        return new Text(text);
    }

    /** A string or an array; anything else is the caller's mistake, reported with its JSON path. */
    final class Reader extends ValueDeserializer<MessageContent> {

        @Override
        public MessageContent deserialize(JsonParser parser, DeserializationContext context) {
            JsonNode node = context.readTree(parser);
            if (node.isString()) {
                return new Text(node.asString());
            }
            if (!node.isArray()) {
                return context.reportInputMismatch(MessageContent.class,
                        "must be a string or an array of content parts");
            }
            List<ContentPart> parts = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                try {
                    parts.add(context.readTreeAsValue(node.get(i), ContentPart.class));
                } catch (DatabindException failure) {
                    // Read from the tree, the part lost its place in the array: put its index back in the path.
                    throw DatabindException.wrapWithPath(context, failure, new JacksonException.Reference(node, i));
                }
            }
            return new Parts(parts);
        }
    }
}
