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
 * One message of a chat request.
 *
 * @param role {@code system}, {@code developer}, {@code user}, {@code assistant} or {@code tool}
 * @param content a string, or an array of content parts ({@code text}, {@code image_url}, ...)
 * @param extra other fields ({@code name}, {@code tool_calls}, {@code tool_call_id}, ...), passed through
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatMessage(@Nullable String role, @Nullable JsonNode content,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public ChatMessage {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    /** The text of the message: the string content, or its text parts joined. */
    public String text() {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isString()) {
            return content.asString();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asString(""))) {
                text.append(part.path("text").asString(""));
            }
        }
        return text.toString();
    }
}
