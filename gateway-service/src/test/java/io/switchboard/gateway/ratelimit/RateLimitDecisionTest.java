package io.switchboard.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RateLimitDecisionTest {

    @Test
    void shouldRoundRetryAfterUpToWholeSeconds() {
        RateLimitDecision refused = new RateLimitDecision(false, RateLimitDecision.Kind.REQUESTS, 60, 0,
                Instant.ofEpochMilli(61_000), Duration.ofMillis(1_001));

        HttpHeaders headers = refused.headers();

        assertThat(headers.getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(headers.getFirst("X-RateLimit-Limit")).isEqualTo("60");
        assertThat(headers.getFirst("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(headers.getFirst("X-RateLimit-Reset")).isEqualTo("61000");
    }

    @Test
    void shouldSendNoRetryAfterWhenAdmittedAndNoHeadersWithoutALimit() {
        RateLimitDecision admitted = new RateLimitDecision(true, RateLimitDecision.Kind.TOKENS, 1000, -5,
                Instant.EPOCH, Duration.ZERO);

        assertThat(admitted.headers().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
        assertThat(admitted.headers().getFirst("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(RateLimitDecision.unlimited(Instant.EPOCH).headers().isEmpty()).isTrue();
    }
}
