package io.switchboard.routing.provider.openai;

import io.switchboard.routing.chat.ChatChunk;
import io.switchboard.routing.provider.ProviderException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Translates an OpenAI-compatible stream, event by event: chunks pass with their finish reasons and reasoning fields
 * normalised ({@link OpenAiResponses}); an error event fails the stream; {@code [DONE]} ends it.
 */
final class OpenAiStream {

    /**
     * Per-request state, never shared.
     *
     * @param excludeReasoning whether {@code reasoning.exclude} was set
     */
    static final class State {

        private final boolean excludeReasoning;
        private boolean done;
        private boolean finished;

        State(boolean excludeReasoning) {
            this.excludeReasoning = excludeReasoning;
        }

        /** Whether the stream reached {@code [DONE]} or a finish reason, rather than being cut. */
        boolean ended() {
            return done || finished;
        }
    }

    private OpenAiStream() {
    }

    static List<ChatChunk> translate(OpenAiEvent event, State state) {
        return switch (event) {
            case OpenAiEvent.Chunk(ChatChunk chunk) -> {
                ChatChunk normalised = OpenAiResponses.normalise(chunk, state.excludeReasoning);
                if (normalised.choices().stream().anyMatch(choice -> choice.finishReason() != null)) {
                    state.finished = true;
                }
                yield List.of(normalised);
            }
            case OpenAiEvent.Error(JsonNode error) -> throw error(error);
            case OpenAiEvent.Done() -> {
                state.done = true;
                yield List.of();
            }
            case OpenAiEvent.Unknown unknown -> List.of();
        };
    }

    /**
     * A failure reported inside the stream: its {@code code} when it is an HTTP status, otherwise the status its
     * {@code type} stands for in OpenAI's error codes.
     */
    static ProviderException error(JsonNode error) {
        JsonNode code = error.path("code");
        int status;
        if (code.canConvertToInt() && code.asInt() >= 400 && code.asInt() < 600) {
            status = code.asInt();
        } else {
            status = switch (error.path("type").asString("")) {
                case "invalid_request_error" -> 400;
                case "authentication_error" -> 401;
                case "rate_limit_error", "rate_limit_exceeded", "insufficient_quota" -> 429;
                default -> 502;
            };
        }
        return ProviderException.ofStatus(status, error.path("message").asString("Provider stream error"), null);
    }
}
