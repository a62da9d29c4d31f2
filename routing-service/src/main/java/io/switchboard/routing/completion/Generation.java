package io.switchboard.routing.completion;

import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.routing.chat.ChatRequest;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What is fixed about one generation when its request arrives.
 *
 * @param id generation id, returned to the client and the idempotency key of its usage event
 * @param identity tenant, key and request id established by the gateway
 * @param createdAt arrival time
 * @param requestedModel the model the client asked for first
 * @param request the client's request
 * @param httpReferer attribution header {@code HTTP-Referer}
 * @param appTitle attribution header {@code X-Title}
 * @param traceContext the W3C trace context of the request's span ({@code traceparent}, {@code tracestate}), carried
 *        on to the usage event; empty without tracing
 */
public record Generation(String id, InternalIdentity identity, Instant createdAt, String requestedModel,
        ChatRequest request, @Nullable String httpReferer, @Nullable String appTitle,
        Map<String, String> traceContext) {

    public Generation(String id, InternalIdentity identity, Instant createdAt, String requestedModel,
            ChatRequest request, @Nullable String httpReferer, @Nullable String appTitle) {
        this(id, identity, createdAt, requestedModel, request, httpReferer, appTitle, Map.of());
    }

    public long createdEpochSecond() {
        return createdAt.getEpochSecond();
    }
}
