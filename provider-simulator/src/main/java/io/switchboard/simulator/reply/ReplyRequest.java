package io.switchboard.simulator.reply;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a wire format extracted from a request for {@link ReplyPlanner}: everything that decides the reply, in no
 * particular provider's terms.
 *
 * @param model the model the client asked for
 * @param messages the conversation, oldest first; a tool's result is a message of role {@code tool}
 * @param maxTokens the most reply tokens the client accepts, null for no limit
 * @param overrides per-request steering of the simulator
 * @param tools the names of the tools the request declares, in order
 * @param reasoning whether the request asks the model to reason (thinking) before answering
 */
public record ReplyRequest(String model, List<PromptMessage> messages, @Nullable Integer maxTokens,
        Overrides overrides, List<String> tools, boolean reasoning) {

    public ReplyRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        if (maxTokens != null && maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, was " + maxTokens);
        }
    }

    /** A request without tools or reasoning. */
    public ReplyRequest(String model, List<PromptMessage> messages, @Nullable Integer maxTokens, Overrides overrides) {
        this(model, messages, maxTokens, overrides, List.of(), false);
    }
}
