package io.switchboard.billing;

import io.switchboard.usage.Cost;
import io.switchboard.usage.FailoverAttempt;
import io.switchboard.usage.Outcome;
import io.switchboard.usage.PriceSnapshot;
import io.switchboard.usage.TokenUsage;
import io.switchboard.usage.UsageData;
import io.switchboard.usage.UsageEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Usage events for tests, with the seed catalog's prices. */
public final class TestEvents {

    /** mistralai/mistral-small-2603 on Mistral: $0.15 / $0.60 per million tokens. */
    public static final PriceSnapshot MISTRAL_SMALL = PriceSnapshot.perToken("0.00000015", "0.0000006");

    /** mistralai/mistral-7b-instruct-v0.2 on Together: $0.18 / $0.18 per million tokens. */
    public static final PriceSnapshot MISTRAL_7B = PriceSnapshot.perToken("0.00000018", "0.00000018");

    private TestEvents() {
    }

    /** A completed, streamed generation of mistral-small-2603 for {@code tenant}, created a day ago. */
    public static Generation generation(String tenant) {
        return new Generation(newGenerationId(), tenant, "key-a", "req-" + UUID.randomUUID(),
                "mistralai/mistral-small-2603", "mistral:mistralai/mistral-small-2603", "Mistral", true,
                Outcome.COMPLETED, new TokenUsage(100, 50, 0, 0, 0, 0, false), MISTRAL_SMALL, null,
                Instant.now().minus(Duration.ofDays(1)));
    }

    public static String newGenerationId() {
        return "gen-" + Instant.now().getEpochSecond() + "-" + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 20);
    }

    public static String newTenant() {
        return "t-" + UUID.randomUUID();
    }

    /**
     * One generation's event, built with withers.
     *
     * @param reportedCost the event's own cost; null for the correct one, from {@link Cost#of}
     */
    public record Generation(String id, String tenant, String key, String requestId, String model, String endpointId,
            String providerName, boolean streamed, Outcome outcome, TokenUsage usage, PriceSnapshot price,
            @Nullable BigDecimal reportedCost, Instant createdAt) {

        public Generation id(String value) {
            return new Generation(value, tenant, key, requestId, model, endpointId, providerName, streamed, outcome,
                    usage, price, reportedCost, createdAt);
        }

        public Generation key(String value) {
            return new Generation(id, tenant, value, requestId, model, endpointId, providerName, streamed, outcome,
                    usage, price, reportedCost, createdAt);
        }

        public Generation requestId(String value) {
            return new Generation(id, tenant, key, value, model, endpointId, providerName, streamed, outcome, usage,
                    price, reportedCost, createdAt);
        }

        public Generation served(String modelId, String endpoint, String provider, PriceSnapshot prices) {
            return new Generation(id, tenant, key, requestId, modelId, endpoint, provider, streamed, outcome, usage,
                    prices, reportedCost, createdAt);
        }

        public Generation streamed(boolean value) {
            return new Generation(id, tenant, key, requestId, model, endpointId, providerName, value, outcome, usage,
                    price, reportedCost, createdAt);
        }

        public Generation outcome(Outcome value) {
            return new Generation(id, tenant, key, requestId, model, endpointId, providerName, streamed, value, usage,
                    price, reportedCost, createdAt);
        }

        public Generation tokens(long prompt, long completion) {
            return usage(new TokenUsage(prompt, completion, 0, 0, 0, 0, false));
        }

        public Generation usage(TokenUsage value) {
            return new Generation(id, tenant, key, requestId, model, endpointId, providerName, streamed, outcome,
                    value, price, reportedCost, createdAt);
        }

        public Generation reportedCost(BigDecimal value) {
            return new Generation(id, tenant, key, requestId, model, endpointId, providerName, streamed, outcome,
                    usage, price, value, createdAt);
        }

        public Generation at(Instant value) {
            return new Generation(id, tenant, key, requestId, model, endpointId, providerName, streamed, outcome,
                    usage, price, reportedCost, value);
        }

        /** The exact cost of this generation from its price snapshot. */
        public BigDecimal cost() {
            return Cost.of(usage, price);
        }

        public UsageEvent event() {
            UsageData data = new UsageData(id, tenant, key, requestId, model, model, endpointId.split(":")[0],
                    providerName, endpointId, "chatcmpl-" + id, streamed, outcome,
                    outcome == Outcome.CANCELLED ? null : "stop", outcome == Outcome.CANCELLED ? null : "stop",
                    usage, price, reportedCost != null ? reportedCost : cost(), createdAt, 900, 120L,
                    List.of(new FailoverAttempt("deepinfra", "deepinfra:" + model, model, 503, "down", 40)),
                    "https://app.example", "Example", "user-7");
            return UsageEvent.of("/switchboard/routing-service", createdAt.plusMillis(900), data);
        }
    }
}
