package io.switchboard.routing.completion;

import io.switchboard.kit.error.ApiException;
import io.switchboard.routing.chat.ChatChunk;
import io.switchboard.routing.provider.ProviderException;
import io.switchboard.routing.resilience.ProviderFaults;
import io.switchboard.routing.selection.Candidate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The error chunk that ends a stream which failed after its response was committed, in OpenRouter's shape
 * (https://openrouter.ai/docs/api-reference/streaming, "Handling errors during streaming"): a
 * {@code chat.completion.chunk} with a top-level {@code error} ({@code code}, {@code message},
 * {@code metadata.error_type} from the contract's {@code ApiErrorType}) and one choice with
 * {@code finish_reason: "error"}.
 */
final class StreamFailures {

    private StreamFailures() {
    }

    /** The served endpoint broke its stream: a provider failure, timeout or invalid chunk. */
    static ChatChunk midStream(Throwable failure, GenerationTracker tracker) {
        int code = ProviderFaults.isTimeout(failure)
                ? 408
                : failure instanceof ProviderException provider && provider.status() != null
                        ? provider.status()
                        : 502;
        String message = ProviderFaults.isTimeout(failure)
                ? "Provider stream timed out: " + failure.getMessage()
                : "Provider stream failed: " + failure.getMessage();
        return chunk(tracker, tracker.served(), code, message, null);
    }

    /** Nothing was served, but keep-alives had committed the response: the error the client would have had. */
    static ChatChunk unserved(Throwable failure, GenerationTracker tracker) {
        ApiException error = failure instanceof ApiException api
                ? api
                : RoutingErrors.clientError(failure, tracker);
        return chunk(tracker, tracker.lastTried(), error.status().value(), error.getMessage(), error.metadata());
    }

    private static ChatChunk chunk(GenerationTracker tracker, @Nullable Candidate provider, int code, String message,
            @Nullable Map<String, Object> details) {
        Generation generation = tracker.generation();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("error_type", errorType(code));
        if (details != null) {
            metadata.putAll(details);
        }
        if (provider != null) {
            metadata.putIfAbsent("provider_name", provider.provider().name());
        }
        ChatChunk.ChunkChoice choice = new ChatChunk.ChunkChoice(0,
                new ChatChunk.Delta(null, "", new LinkedHashMap<>()), "error", null, null, new LinkedHashMap<>());
        return new ChatChunk(generation.id(), provider == null ? null : provider.provider().name(),
                provider == null ? generation.requestedModel() : provider.model().id(), ChatChunk.OBJECT,
                generation.createdEpochSecond(), List.of(choice), null, null,
                new ChatChunk.ChunkError(code, message, metadata), new LinkedHashMap<>());
    }

    /** OpenRouter's canonical {@code ApiErrorType} of a status. */
    static String errorType(int status) {
        return switch (status) {
            case 400 -> "invalid_request";
            case 401 -> "authentication";
            case 402 -> "payment_required";
            case 403 -> "permission_denied";
            case 404 -> "not_found";
            case 408 -> "timeout";
            case 413 -> "payload_too_large";
            case 422 -> "unprocessable";
            case 429 -> "rate_limit_exceeded";
            case 502, 503 -> "provider_unavailable";
            case 529 -> "provider_overloaded";
            default -> status >= 500 ? "server" : "unmapped";
        };
    }
}
