package io.switchboard.simulator.reply;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the simulator will do for one request, decided before anything is sent. A closed set so that every wire format
 * must say how it renders each case: fault modes (an error status, a stall, a disconnect mid-stream) join as further
 * cases.
 */
public sealed interface ReplyPlan {

    Timing timing();

    /**
     * A normal reply: reasoning (when asked for), then either text or a tool call.
     *
     * @param tokens the reply's text tokens in order; concatenated they are the reply text
     * @param finishReason {@link FinishReason#LENGTH} when the tokens were cut at the client's limit,
     *        {@link FinishReason#TOOL_CALLS} for a tool call
     * @param promptTokens token count of the prompt
     * @param timing playback speed
     * @param reasoning reasoning tokens, played before the rest; empty unless the request asked for reasoning
     * @param toolCall the tool call the reply makes instead of text, or null
     */
    record Completion(List<String> tokens, FinishReason finishReason, int promptTokens, Timing timing,
            List<String> reasoning, @Nullable ToolCallPlan toolCall) implements ReplyPlan {

        public Completion {
            tokens = List.copyOf(tokens);
            reasoning = List.copyOf(reasoning);
        }

        /** A text reply without reasoning. */
        public Completion(List<String> tokens, FinishReason finishReason, int promptTokens, Timing timing) {
            this(tokens, finishReason, promptTokens, timing, List.of(), null);
        }

        public String content() {
            return String.join("", tokens);
        }

        public String reasoningText() {
            return String.join("", reasoning);
        }

        /** Every token in the order it is played: reasoning, text, tool-call argument fragments. */
        public List<ReplyToken> sequence() {
            List<ReplyToken> sequence = new ArrayList<>(reasoning.size() + tokens.size());
            reasoning.forEach(text -> sequence.add(new ReplyToken(text, TokenKind.REASONING)));
            tokens.forEach(text -> sequence.add(new ReplyToken(text, TokenKind.CONTENT)));
            if (toolCall != null) {
                toolCall.fragments().forEach(text -> sequence.add(new ReplyToken(text, TokenKind.TOOL_ARGUMENTS)));
            }
            return sequence;
        }

        public TokenUsage usage() {
            return new TokenUsage(promptTokens, sequence().size(), reasoning.size());
        }
    }
}
