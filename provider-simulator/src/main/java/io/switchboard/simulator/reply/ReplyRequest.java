package io.switchboard.simulator.reply;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a wire format extracted from a request for {@link ReplyPlanner}: everything that decides the reply, in no
 * particular provider's terms.
 *
 * @param model the model the client asked for
 * @param messages the conversation, oldest first
 * @param maxTokens the most reply tokens the client accepts, null for no limit
 * @param overrides per-request steering of the simulator
 */
public record ReplyRequest(String model, List<PromptMessage> messages, @Nullable Integer maxTokens,
        Overrides overrides) {

    public ReplyRequest {
        messages = List.copyOf(messages);
        if (maxTokens != null && maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, was " + maxTokens);
        }
    }
}
