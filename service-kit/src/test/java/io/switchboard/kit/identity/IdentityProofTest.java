package io.switchboard.kit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

class IdentityProofTest {

    private static final String SECRET = "a-test-secret-that-is-long-enough-1234";
    private static final Instant NOW = Instant.parse("2026-11-26T15:00:00Z");
    private static final InternalIdentity ALICE = new InternalIdentity("tenant-a", "keyhash", "req-1");

    private final IdentityProof proof = proofAt(NOW);

    @Test
    void shouldAcceptWhatItSigned() {
        HttpHeaders headers = signed("/api/v1/generation?id=gen-1");

        assertThat(proof.verify(HttpMethod.GET, "/api/v1/generation?id=gen-1", headers)).contains(ALICE);
    }

    @Test
    void shouldRefuseAProofReplayedOnAnotherPath() {
        HttpHeaders headers = signed("/api/v1/generation?id=gen-1");

        assertThat(proof.verify(HttpMethod.GET, "/api/v1/generation?id=gen-2", headers)).isEmpty();
        assertThat(proof.verify(HttpMethod.POST, "/api/v1/generation?id=gen-1", headers)).isEmpty();
    }

    @Test
    void shouldRefuseAChangedTenant() {
        HttpHeaders headers = signed("/api/v1/models");
        headers.set(IdentityHeaders.TENANT, "tenant-b");

        assertThat(proof.verify(HttpMethod.GET, "/api/v1/models", headers)).isEmpty();
    }

    @Test
    void shouldRefuseARaisedRole() {
        HttpHeaders headers = signed("/api/v1/admin/tenants");
        headers.set(IdentityHeaders.ROLE, Role.OPERATOR.name());

        assertThat(proof.verify(HttpMethod.GET, "/api/v1/admin/tenants", headers)).isEmpty();
    }

    @Test
    void shouldCarryTheRole() {
        InternalIdentity operator = new InternalIdentity("ops", "k", "r", Role.OPERATOR);
        HttpHeaders headers = new HttpHeaders();
        proof.sign(operator, HttpMethod.POST, "/api/v1/admin/tenants", headers);

        assertThat(proof.verify(HttpMethod.POST, "/api/v1/admin/tenants", headers)).contains(operator);
    }

    @Test
    void shouldRefuseAProofSignedWithAnotherSecret() {
        HttpHeaders headers = new HttpHeaders();
        new IdentityProof("another-secret-that-is-long-enough-9876", Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofSeconds(60)).sign(ALICE, HttpMethod.GET, "/api/v1/models", headers);

        assertThat(proof.verify(HttpMethod.GET, "/api/v1/models", headers)).isEmpty();
    }

    @Test
    void shouldRefuseAProofOlderThanTheAllowedSkew() {
        HttpHeaders headers = signed("/api/v1/models");

        assertThat(proofAt(NOW.plusSeconds(61)).verify(HttpMethod.GET, "/api/v1/models", headers)).isEmpty();
        assertThat(proofAt(NOW.plusSeconds(59)).verify(HttpMethod.GET, "/api/v1/models", headers)).isPresent();
    }

    @Test
    void shouldRefuseMissingOrMalformedHeaders() {
        HttpHeaders headers = signed("/api/v1/models");
        headers.set(IdentityHeaders.ISSUED_AT, "not-a-number");
        assertThat(proof.verify(HttpMethod.GET, "/api/v1/models", headers)).isEmpty();

        assertThat(proof.verify(HttpMethod.GET, "/api/v1/models", new HttpHeaders())).isEmpty();
    }

    @Test
    void shouldRejectAShortSecret() {
        assertThatThrownBy(() -> new IdentityProof("short", Clock.systemUTC(), Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private HttpHeaders signed(String pathAndQuery) {
        HttpHeaders headers = new HttpHeaders();
        proof.sign(ALICE, HttpMethod.GET, pathAndQuery, headers);
        return headers;
    }

    private static IdentityProof proofAt(Instant instant) {
        return new IdentityProof(SECRET, Clock.fixed(instant, ZoneOffset.UTC), Duration.ofSeconds(60));
    }
}
