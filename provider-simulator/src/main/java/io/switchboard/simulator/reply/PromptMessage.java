package io.switchboard.simulator.reply;

import java.util.List;

/**
 * One message of a prompt, reduced to what the simulator looks at: its role and its text parts. Non-text parts
 * (images, audio) are dropped by the format that parsed the request, so they count for nothing.
 *
 * @param role the sender, for example {@code user} or {@code assistant}
 * @param texts the text parts in order; empty when the message had none (an assistant tool call)
 */
public record PromptMessage(String role, List<String> texts) {

    public PromptMessage {
        texts = List.copyOf(texts);
    }

    public static PromptMessage of(String role, String text) {
        return new PromptMessage(role, List.of(text));
    }

    /** The text parts joined by newlines, as a reader of the conversation would see them. */
    public String text() {
        return String.join("\n", texts);
    }
}
