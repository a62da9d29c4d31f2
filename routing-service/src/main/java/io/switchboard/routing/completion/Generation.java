package io.switchboard.routing.completion;

import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.routing.chat.ChatRequest;
import java.time.Instant;
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
 */
public record Generation(String id, InternalIdentity identity, Instant createdAt, String requestedModel,
        ChatRequest request, @Nullable String httpReferer, @Nullable String appTitle) {

    public long createdEpochSecond() {
        return createdAt.getEpochSecond();
    }
}
