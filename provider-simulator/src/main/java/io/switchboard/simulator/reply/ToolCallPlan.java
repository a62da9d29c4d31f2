package io.switchboard.simulator.reply;

import java.util.ArrayList;
import java.util.List;

/**
 * A reply that calls a tool.
 *
 * @param name the tool's name, the first one the request declared
 * @param arguments the arguments, a JSON object text
 */
public record ToolCallPlan(String name, String arguments) {

    /** Arguments are streamed in pieces of this many characters, one piece per token interval. */
    static final int FRAGMENT_LENGTH = 8;

    /**
     * The arguments cut into fragments as a provider streams them: the pieces concatenate back to the arguments, and a
     * piece may end anywhere, even inside a string, as real providers' fragments do.
     */
    public List<String> fragments() {
        List<String> fragments = new ArrayList<>();
        for (int start = 0; start < arguments.length(); start += FRAGMENT_LENGTH) {
            fragments.add(arguments.substring(start, Math.min(arguments.length(), start + FRAGMENT_LENGTH)));
        }
        return fragments;
    }
}
