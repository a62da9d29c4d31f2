package io.switchboard.gateway.auth;

import io.switchboard.kit.identity.Role;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API key authentication ({@code switchboard.gateway.auth.*}).
 *
 * @param cacheTtl how long a key lookup is reused from memory before Redis is asked again. It is also how long a
 *        key disabled or deleted on another replica may still pass here, and how long known keys keep working
 *        while Redis is unreachable; after that, requests are refused with 503 (fail closed)
 * @param cacheSize most keys held in memory
 * @param bootstrapKeys keys created at start-up if missing (with their tenant), for the local stack's demo tenant;
 *        the plaintext comes from configuration (a Kubernetes Secret), is hashed, and is never stored or logged.
 *        A bootstrap key that already exists is left as it is, so changes made through the API survive restarts
 * @param operatorKeys the platform operator's keys ({@code sk-sb-v1-...}, from a Secret; empty entries are
 *        skipped). They are held in memory only, never in Redis, so rotating one is a configuration change; they
 *        may call only the operator API ({@code /api/v1/admin/**}) and {@code GET /api/v1/key}
 */
@ConfigurationProperties("switchboard.gateway.auth")
public record AuthProperties(@DefaultValue("10s") Duration cacheTtl, @DefaultValue("100000") long cacheSize,
        @DefaultValue List<BootstrapKey> bootstrapKeys, @DefaultValue List<String> operatorKeys) {

    /**
     * @param key the plaintext key ({@code sk-sb-v1-...}); an empty value is skipped
     * @param tenant the tenant it belongs to (created if missing)
     * @param name its name
     * @param role {@code USER} for an inference key, {@code MANAGER} for a management key of the tenant
     */
    public record BootstrapKey(@Nullable String key, String tenant, @DefaultValue("Bootstrap key") String name,
            @DefaultValue("USER") Role role) {

        public boolean present() {
            return key != null && !key.isBlank();
        }
    }
}
