package io.switchboard.usage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The {@code data} of a {@code switchboard.usage.v1} event: everything needed to bill one generation and to show it
 * in {@code GET /api/v1/generation}. Consumers ignore fields they do not know, so fields may be added within v1.
 *
 * @param generationId {@code gen-<unix-seconds>-<random>}; also the event id and the idempotency key
 * @param tenantId tenant billed
 * @param keyId hash of the API key used
 * @param requestId gateway request id
 * @param requestedModel model the client asked for (first of {@code models} when it sent a list)
 * @param servedModel model that produced the generation
 * @param provider provider slug that served it
 * @param providerName the provider's display name, as OpenRouter's {@code provider_name}
 * @param endpointId catalog endpoint that served it
 * @param upstreamId the provider's own id for the generation, if it sent one
 * @param streamed whether the client asked for a stream
 * @param outcome how the generation ended
 * @param finishReason OpenAI-normalised finish reason ({@code stop}, {@code length}, {@code tool_calls},
 *        {@code content_filter}, {@code error}), null when cancelled before one arrived
 * @param nativeFinishReason the provider's own finish reason
 * @param usage token counts
 * @param price prices applied
 * @param cost USD, exact, from {@link Cost#of}
 * @param createdAt when the request reached routing-service
 * @param latencyMs from arrival to the last byte
 * @param timeToFirstTokenMs from arrival to the first token, null when none arrived
 * @param failover endpoints tried before this one, in order
 * @param httpReferer the client's {@code HTTP-Referer} attribution header
 * @param appTitle the client's {@code X-Title} attribution header
 * @param user the {@code user} field of the request
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsageData(String generationId, String tenantId, String keyId, String requestId, String requestedModel,
        String servedModel, String provider, String providerName, String endpointId, @Nullable String upstreamId,
        boolean streamed,
        Outcome outcome, @Nullable String finishReason, @Nullable String nativeFinishReason, TokenUsage usage,
        PriceSnapshot price, @JsonSerialize(using = PlainDecimalSerializer.class) BigDecimal cost, Instant createdAt,
        long latencyMs, @Nullable Long timeToFirstTokenMs, List<FailoverAttempt> failover,
        @Nullable String httpReferer, @Nullable String appTitle, @Nullable String user) {

    public UsageData {
        failover = List.copyOf(failover);
    }
}
