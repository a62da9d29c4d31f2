package io.switchboard.simulator.reply;

import java.util.List;

/**
 * What the simulator will do for one request, decided before anything is sent. A closed set so that every wire format
 * must say how it renders each case: fault modes (an error status, a stall, a disconnect mid-stream) join as further
 * cases.
 */
public sealed interface ReplyPlan {

    Timing timing();

    /**
     * A normal reply.
     *
     * @param tokens the reply tokens in order; concatenated they are the reply text
     * @param finishReason {@link FinishReason#LENGTH} when the tokens were cut at the client's limit
     * @param promptTokens token count of the prompt
     * @param timing playback speed
     */
    record Completion(List<String> tokens, FinishReason finishReason, int promptTokens,
            Timing timing) implements ReplyPlan {

        public Completion {
            tokens = List.copyOf(tokens);
        }

        public String content() {
            return String.join("", tokens);
        }

        public TokenUsage usage() {
            return new TokenUsage(promptTokens, tokens.size());
        }
    }
}
