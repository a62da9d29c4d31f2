package io.switchboard.routing.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.switchboard.kit.error.ApiException;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.routing.chat.ChatRequest;
import io.switchboard.routing.provider.ProviderException;
import io.switchboard.routing.resilience.ProviderFaults;
import io.switchboard.routing.selection.Candidate;
import io.switchboard.routing.support.TestCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class RoutingErrorsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final GenerationTracker tracker = new GenerationTracker(new Generation("gen-1",
            new InternalIdentity("t", "k", "r"), NOW, "m", ChatRequest.of("m", List.of()),
            null, null));
    private final Candidate mistral = candidate("mistral", "Mistral");
    private final Candidate together = candidate("together", "Together");

    @Test
    void shouldPassTheProvidersRefusalOfTheRequestThroughWithItsStatus() {
        ProviderException refused = ProviderException.ofStatus(422, "bad schema", null);
        tracker.failed(mistral, refused, NOW);

        ApiException error = RoutingErrors.clientError(refused, tracker);

        assertThat(error.status().value()).isEqualTo(422);
        assertThat(error.metadata()).containsEntry("provider_name", "Mistral").containsEntry("raw", "bad schema");
    }

    @Test
    void shouldAnswer502WhenTheLastProviderFailed() {
        ProviderException down = ProviderException.ofStatus(503, "overloaded", null);
        tracker.failed(together, down, NOW);

        assertThat(RoutingErrors.clientError(down, tracker).status().value()).isEqualTo(502);
    }

    @Test
    void shouldAnswer429WithTheProvidersRetryAfter() {
        ProviderException limited = ProviderException.ofStatus(429, "slow down", Duration.ofMillis(2_500));
        tracker.failed(together, limited, NOW);

        ApiException error = RoutingErrors.clientError(limited, tracker);

        assertThat(error.status().value()).isEqualTo(429);
        assertThat(error.headers().getFirst("Retry-After")).isEqualTo("3");
    }

    @Test
    void shouldAnswer408WhenTheRequestOrTheLastAttemptTimedOut() {
        ProviderException total = ProviderFaults.requestTimedOut(Duration.ofMinutes(10));
        ProviderException firstToken = ProviderFaults.asProviderException(new TimeoutException("No first token"));
        tracker.failed(mistral, firstToken, NOW);

        assertThat(RoutingErrors.clientError(total, tracker).status().value()).isEqualTo(408);
        assertThat(RoutingErrors.clientError(firstToken, tracker).status().value()).isEqualTo(408);
    }

    @Test
    void shouldAnswer503WhenEveryEndpointWasSkippedForAnOpenBreaker() {
        ProviderException open = ProviderFaults.asProviderException(
                CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("e")));
        tracker.skipped(mistral, open);

        assertThat(RoutingErrors.clientError(open, tracker).status().value()).isEqualTo(503);
    }

    @Test
    void shouldReportTheLastCalledProvidersFailureRatherThanALaterSkip() {
        ProviderException down = ProviderException.ofStatus(500, "boom", null);
        ProviderException open = ProviderFaults.asProviderException(
                CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("e")));
        tracker.failed(mistral, down, NOW);
        tracker.skipped(together, open);

        ApiException error = RoutingErrors.clientError(open, tracker);

        assertThat(error.status().value()).isEqualTo(502);
        assertThat(error.metadata()).containsEntry("provider_name", "Mistral").containsEntry("raw", "boom");
    }

    @Test
    void shouldTypeStreamErrorsWithOpenRoutersErrorTypes() {
        assertThat(StreamFailures.errorType(408)).isEqualTo("timeout");
        assertThat(StreamFailures.errorType(429)).isEqualTo("rate_limit_exceeded");
        assertThat(StreamFailures.errorType(502)).isEqualTo("provider_unavailable");
        assertThat(StreamFailures.errorType(529)).isEqualTo("provider_overloaded");
        assertThat(StreamFailures.errorType(500)).isEqualTo("server");
        assertThat(StreamFailures.errorType(418)).isEqualTo("unmapped");
    }

    private static Candidate candidate(String slug, String name) {
        return new Candidate(TestCatalog.model("m"), TestCatalog.endpoint(slug, "m/m", "0.000001", "0.000001"),
                TestCatalog.provider(slug, name, "http://" + slug));
    }
}
