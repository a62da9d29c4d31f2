package io.switchboard.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.kit.error.ApiException;
import io.switchboard.ledger.KeyLimit;
import io.switchboard.ledger.LimitReset;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class KeyRequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void shouldReadANewKeysSettingsWithTheLimitInNanodollars() {
        KeySettings settings = KeyRequests.create(JSON.readTree("{\"name\":\" CI \",\"limit\":12.5,"
                + "\"limit_reset\":\"weekly\",\"expires_at\":\"2027-01-01T00:00:00+01:00\",\"rate_limits\":"
                + "{\"tokens_per_minute\":5000},\"allowed_models\":[\"a/b\",\"a/b\"]}"), NOW);

        assertThat(settings.name()).isEqualTo("CI");
        assertThat(settings.limit()).isEqualTo(new KeyLimit(12_500_000_000L, LimitReset.WEEKLY));
        assertThat(settings.expiresAt()).isEqualTo(Instant.parse("2026-12-31T23:00:00Z"));
        assertThat(settings.rateLimits().tokensPerMinute()).isEqualTo(5000);
        assertThat(settings.rateLimits().requestsPerMinute()).isNull();
        assertThat(settings.allowedModels()).containsExactly("a/b");
    }

    @Test
    void shouldChangeOnlyTheFieldsGivenAndRemoveThoseSetToNull() {
        KeyRequests.Changes changes = KeyRequests.changes(JSON.readTree("{\"disabled\":true,\"limit\":null,"
                + "\"rate_limits\":{\"requests_per_minute\":null,\"tokens_per_minute\":10},\"allowed_models\":null}"),
                NOW);

        assertThat(changes.set()).containsEntry("disabled", "true")
                .containsEntry("tpm", "10")
                .containsEntry("updated_at", Long.toString(NOW.toEpochMilli()))
                .doesNotContainKeys("name", "limit", "rpm");
        assertThat(changes.remove()).containsExactlyInAnyOrder("limit", "rpm", "allowed_models");
    }

    @Test
    void shouldRefuseALimitBeyondWhatTheLedgerHolds() {
        assertThatThrownBy(() -> KeyRequests.create(JSON.readTree("{\"name\":\"x\",\"limit\":1e400}"), NOW))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("limit"));
    }
}
