package io.switchboard.routing.provider.gemini;

import io.switchboard.routing.chat.ChatChunk;
import io.switchboard.routing.chat.Usage;
import io.switchboard.routing.provider.Chunks;
import io.switchboard.routing.provider.ToolArguments;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Translates a Gemini stream into OpenAI chunks, one event at a time. Each event holds whole parts: text and thought
 * parts become content and reasoning deltas, a {@code functionCall} part one complete tool-call fragment. Gemini has no
 * end marker: the event with a finish reason ends the answer, and {@link #end} adds the usage chunk from the last
 * {@code usageMetadata} (cumulative in every event) once the provider closes the stream.
 */
final class GeminiStream {

    /** Per-request state; created for each call, never shared. */
    static final class State {

        private final String fallbackId;
        private final String fallbackModel;
        private final long created;
        private final boolean excludeReasoning;
        private final JsonMapper mapper;
        private @Nullable Chunks chunks;
        private GenerateContentResponse.@Nullable UsageMetadata usage;
        private int toolCalls;
        private int signatures;
        private boolean roleSent;
        private boolean finished;

        /**
         * @param fallbackId the stream's id when Gemini sends no {@code responseId}
         * @param fallbackModel the model's name when Gemini sends no {@code modelVersion}
         */
        State(String fallbackId, String fallbackModel, long created, boolean excludeReasoning, JsonMapper mapper) {
            this.fallbackId = fallbackId;
            this.fallbackModel = fallbackModel;
            this.created = created;
            this.excludeReasoning = excludeReasoning;
            this.mapper = mapper;
        }

        boolean finished() {
            return finished;
        }
    }

    private GeminiStream() {
    }

    static List<ChatChunk> translate(GeminiEvent event, State state) {
        return switch (event) {
            case GeminiEvent.Response(GenerateContentResponse response) -> response(response, state);
            case GeminiEvent.Error(GeminiEvent.ErrorDetail error) -> throw GeminiResponses.error(error);
            case GeminiEvent.Unknown unknown -> List.of();
        };
    }

    /** What follows the last event: the usage chunk, when the answer finished and Gemini reported usage. */
    static List<ChatChunk> end(State state) {
        Usage usage = GeminiResponses.usage(state.usage);
        return usage == null || state.chunks == null ? List.of() : List.of(state.chunks.usage(usage));
    }

    private static List<ChatChunk> response(GenerateContentResponse response, State state) {
        if (state.chunks == null) {
            state.chunks = new Chunks(response.responseId() != null ? response.responseId() : state.fallbackId,
                    response.modelVersion() != null ? response.modelVersion() : state.fallbackModel, state.created);
        }
        Chunks chunks = state.chunks;
        if (response.usageMetadata() != null) {
            state.usage = response.usageMetadata();
        }
        List<ChatChunk> out = new ArrayList<>();
        GenerateContentResponse.Candidate candidate = response.candidate();
        for (GenerateContentResponse.Part part : candidate == null
                ? List.<GenerateContentResponse.Part>of()
                : candidate.parts()) {
            if (part.functionCall() != null) {
                role(out, state);
                int index = state.toolCalls++;
                String callId = GeminiResponses.toolCallId(part.functionCall(), chunks.id(), index);
                out.add(chunks.toolCallStart(index, callId, String.valueOf(part.functionCall().name()),
                        ToolArguments.toText(part.functionCall().args(), state.mapper)));
                if (part.thoughtSignature() != null) {
                    out.add(chunks.reasoning(null, GeminiResponses.signature(part.thoughtSignature(), callId,
                            state.signatures++)));
                }
            } else if (part.text() != null && !part.text().isEmpty()) {
                if (part.isThought()) {
                    if (!state.excludeReasoning) {
                        role(out, state);
                        out.add(chunks.reasoning(part.text()));
                    }
                } else {
                    role(out, state);
                    out.add(chunks.content(part.text()));
                }
            }
        }
        String reason = GeminiResponses.nativeFinishReason(response);
        if (reason != null) {
            role(out, state);
            state.finished = true;
            out.add(chunks.finish(GeminiResponses.finishReason(reason, state.toolCalls > 0), reason));
        }
        return out;
    }

    private static void role(List<ChatChunk> out, State state) {
        if (!state.roleSent && state.chunks != null) {
            state.roleSent = true;
            out.add(state.chunks.role());
        }
    }
}
