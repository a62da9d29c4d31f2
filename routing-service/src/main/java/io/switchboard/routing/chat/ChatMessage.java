package io.switchboard.routing.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One message of a chat request ({@code ChatMessages} in the contract, told apart by {@code role}).
 *
 * @param role {@code system}, {@code developer}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text, or content parts; null for an assistant message that only calls tools
 * @param name an optional participant name
 * @param toolCalls the tools an assistant message called
 * @param toolCallId the call a {@code tool} message answers
 * @param extra other fields ({@code reasoning}, {@code reasoning_details}, {@code refusal}, ...), passed through
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatMessage(@Nullable String role, @Nullable MessageContent content, @Nullable String name,
        @Nullable List<ToolCall> toolCalls, @Nullable String toolCallId,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public static final String SYSTEM = "system";
    public static final String DEVELOPER = "developer";
    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";
    public static final String TOOL = "tool";
    public static final List<String> ROLES = List.of(SYSTEM, DEVELOPER, USER, ASSISTANT, TOOL);

    public ChatMessage {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    public static ChatMessage of(String role, String text) {
        return new ChatMessage(role, new MessageContent.Text(text), null, null, null, new LinkedHashMap<>());
    }

    /** The text of the message: the string content, or its text parts joined. */
    public String text() {
        return content == null ? "" : content.text();
    }

    /** Image parts of the content, each priced per image by some providers. */
    public long images() {
        return content instanceof MessageContent.Parts parts ? parts.images() : 0;
    }

    /** True for the roles whose text instructs the model: {@code system} and {@code developer}. */
    @JsonIgnore
    public boolean isInstruction() {
        return SYSTEM.equals(role) || DEVELOPER.equals(role);
    }

    public List<ToolCall> toolCallsOrEmpty() {
        return toolCalls == null ? List.of() : toolCalls;
    }
}
