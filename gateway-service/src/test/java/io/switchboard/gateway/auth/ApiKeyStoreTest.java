package io.switchboard.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.kit.identity.Role;
import io.switchboard.ledger.KeyLimit;
import io.switchboard.ledger.LimitReset;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyStoreTest {

    @Test
    void shouldReadBackEverythingItWrites() {
        ApiKeyRecord record = new ApiKeyRecord("abc", "acme", Role.MANAGER, "name", "sk-sb-v1-abc...wxyz", true,
                new KeyLimit(42, LimitReset.MONTHLY), new ApiKeyRecord.RateLimits(10, 2000), List.of("a/b", "c/d"),
                true, "user-1", Instant.ofEpochMilli(1000), Instant.ofEpochMilli(2000), Instant.ofEpochMilli(3000));

        assertThat(ApiKeyStore.decode("abc", ApiKeyStore.encode(record))).isEqualTo(record);
    }

    @Test
    void shouldReadARecordOfTheLayoutBeforeRolesAsAnEnabledInferenceKey() {
        ApiKeyRecord old = ApiKeyStore.decode("abc", Map.of("tenant", "demo", "name", "Bootstrap key", "disabled",
                "false"));

        assertThat(old.role()).isEqualTo(Role.USER);
        assertThat(old.limit()).isNull();
        assertThat(old.allowedModels()).isNull();
        assertThat(old.rateLimits()).isEqualTo(ApiKeyRecord.RateLimits.DEFAULTS);
        assertThat(old.label()).isEqualTo("Bootstrap key");
    }
}
