package io.switchboard.routing.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How routing-service protects requests from failing provider endpoints ({@code switchboard.routing.resilience.*}).
 *
 * @param breaker the circuit breaker every provider endpoint has
 * @param timeouts how long a provider may keep a request waiting
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a provider asking for more is skipped only this long,
 *        so one bad header cannot take an endpoint out of rotation for days
 */
@ConfigurationProperties("switchboard.routing.resilience")
public record ResilienceProperties(@DefaultValue Breaker breaker, @DefaultValue Timeouts timeouts,
        @DefaultValue("10m") Duration maxRetryAfter) {

    public ResilienceProperties {
        positive("max-retry-after", maxRetryAfter);
    }

    /**
     * The Resilience4j circuit breaker of each provider endpoint
     * (https://resilience4j.readme.io/docs/circuitbreaker#create-and-configure-a-circuitbreaker). It measures the
     * wait for the first byte of a response only: a long generation is not a slow call, and what happens after the
     * first byte cannot be failed over anyway.
     *
     * <p>For a request that is not streamed, the whole response is the first byte, so its slow-call threshold must
     * allow for a whole generation.
     *
     * <p>The defaults differ from Resilience4j's on purpose: a 30-second time-based window, because OpenRouter routes
     * around "providers that have seen significant outages in the last 30 seconds"; few minimum calls, because an
     * endpoint may see only a handful of requests in that window and a dead one must still be noticed.
     *
     * @param failureRateThreshold percentage of failed calls (connection errors, timeouts, 5xx, 429) that opens it
     * @param slowCallRateThreshold percentage of slow calls that opens it
     * @param slowCallDurationThreshold a call whose first byte takes longer than this is slow
     * @param slidingWindowType {@code TIME_BASED} (window in seconds) or {@code COUNT_BASED} (window in calls)
     * @param slidingWindowSize the window the rates are computed over
     * @param minimumNumberOfCalls calls needed in the window before a rate can open it
     * @param permittedCallsInHalfOpenState probe calls let through after the open wait; their outcome closes or
     *        re-opens it
     * @param waitInOpenState how long an open breaker refuses calls before probing
     */
    public record Breaker(@DefaultValue("50") float failureRateThreshold,
            @DefaultValue("100") float slowCallRateThreshold, @DefaultValue("30s") Duration slowCallDurationThreshold,
            @DefaultValue("TIME_BASED") SlidingWindowType slidingWindowType,
            @DefaultValue("30") int slidingWindowSize, @DefaultValue("5") int minimumNumberOfCalls,
            @DefaultValue("3") int permittedCallsInHalfOpenState, @DefaultValue("30s") Duration waitInOpenState) {

        public Breaker {
            percentage("breaker.failure-rate-threshold", failureRateThreshold);
            percentage("breaker.slow-call-rate-threshold", slowCallRateThreshold);
            positive("breaker.slow-call-duration-threshold", slowCallDurationThreshold);
            atLeastOne("breaker.sliding-window-size", slidingWindowSize);
            atLeastOne("breaker.minimum-number-of-calls", minimumNumberOfCalls);
            atLeastOne("breaker.permitted-calls-in-half-open-state", permittedCallsInHalfOpenState);
            positive("breaker.wait-in-open-state", waitInOpenState);
        }
    }

    /**
     * How long a provider may keep a request waiting. A timeout before the first byte reached the client fails over to
     * the next endpoint; after it, the stream ends with an error chunk.
     *
     * @param timeToFirstToken longest wait for the first chunk of one endpoint's stream
     * @param streamIdle longest silence between two chunks of a stream
     * @param total longest a whole request may take, failovers included; the gateway's credit reservations outlive
     *        it (docs/contracts.md)
     */
    public record Timeouts(@DefaultValue("60s") Duration timeToFirstToken, @DefaultValue("60s") Duration streamIdle,
            @DefaultValue("10m") Duration total) {

        public Timeouts {
            positive("timeouts.time-to-first-token", timeToFirstToken);
            positive("timeouts.stream-idle", streamIdle);
            positive("timeouts.total", total);
        }
    }

    private static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("switchboard.routing.resilience." + name + " must be positive, was "
                    + value);
        }
    }

    private static void percentage(String name, float value) {
        if (!(value > 0 && value <= 100)) {
            throw new IllegalArgumentException("switchboard.routing.resilience." + name
                    + " must be a percentage in (0, 100], was " + value);
        }
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("switchboard.routing.resilience." + name + " must be at least 1, was "
                    + value);
        }
    }
}
