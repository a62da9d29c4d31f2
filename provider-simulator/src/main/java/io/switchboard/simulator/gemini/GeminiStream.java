package io.switchboard.simulator.gemini;

import io.switchboard.simulator.generation.GenerationEvent;
import io.switchboard.simulator.reply.FinishReason;
import io.switchboard.simulator.reply.TokenUsage;
import io.switchboard.simulator.reply.ToolCallPlan;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Translates generation events to {@code streamGenerateContent} events: one event per text or thought token, each a
 * whole {@code GenerateContentResponse} with the prompt's usage; the last one with the finish reason and the full
 * usage. Gemini sends a function call whole, never in fragments, so the call's argument tokens are collected and the
 * call is sent with the last event. A pure step with per-response state.
 */
final class GeminiStream {

    /** What one response's events share, and the arguments collected so far. Created per response. */
    static final class State {

        private final String responseId;
        private final String model;
        private final int promptTokens;
        private final boolean includeThoughts;
        private final @Nullable ToolCallPlan toolCall;
        private final StringBuilder arguments = new StringBuilder();

        /**
         * @param responseId the response's id, the same on every event
         * @param model the model named in the path, sent as {@code modelVersion}
         * @param promptTokens the prompt's tokens
         * @param includeThoughts whether thought parts are sent
         * @param toolCall the tool the reply calls, or null
         */
        State(String responseId, String model, int promptTokens, boolean includeThoughts,
                @Nullable ToolCallPlan toolCall) {
            this.responseId = responseId;
            this.model = model;
            this.promptTokens = promptTokens;
            this.includeThoughts = includeThoughts;
            this.toolCall = toolCall;
        }

        String responseId() {
            return responseId;
        }
    }

    private GeminiStream() {
    }

    static List<GenerateContentResponse> translate(GenerationEvent event, State state) {
        return switch (event) {
            case GenerationEvent.Started started -> List.of();
            case GenerationEvent.Token token -> switch (token.kind()) {
                case REASONING -> state.includeThoughts
                        ? List.of(event(state, GenerateContentResponse.Part.thought(token.text())))
                        : List.of();
                case CONTENT -> List.of(event(state, GenerateContentResponse.Part.text(token.text())));
                case TOOL_ARGUMENTS -> {
                    state.arguments.append(token.text());
                    yield List.of();
                }
            };
            case GenerationEvent.Finished finished -> {
                GenerateContentResponse.Part last = state.toolCall == null
                        ? GenerateContentResponse.Part.text("")
                        : new GenerateContentResponse.Part(null, null, new GenerateContentResponse.FunctionCall(
                                state.toolCall.name(), GeminiJson.tree(state.arguments.toString())));
                yield List.of(new GenerateContentResponse(List.of(new GenerateContentResponse.Candidate(
                        content(last), finishReason(finished.finishReason()), 0)), usage(finished.usage()),
                        state.model, state.responseId));
            }
        };
    }

    /** Gemini ends a turn that calls a function with {@code STOP}, like any other. */
    static String finishReason(FinishReason reason) {
        return reason == FinishReason.LENGTH ? "MAX_TOKENS" : "STOP";
    }

    /** Gemini counts thoughts apart from the answer's tokens. */
    static GenerateContentResponse.UsageMetadata usage(TokenUsage usage) {
        int thoughts = usage.reasoningTokens();
        return new GenerateContentResponse.UsageMetadata(usage.promptTokens(), usage.completionTokens() - thoughts,
                usage.totalTokens(), thoughts > 0 ? thoughts : null);
    }

    private static GenerateContentResponse event(State state, GenerateContentResponse.Part part) {
        return new GenerateContentResponse(List.of(new GenerateContentResponse.Candidate(content(part), null, 0)),
                new GenerateContentResponse.UsageMetadata(state.promptTokens, null, state.promptTokens, null),
                state.model, state.responseId);
    }

    private static GenerateContentResponse.Content content(GenerateContentResponse.Part part) {
        return new GenerateContentResponse.Content(List.of(part), "model");
    }
}
