package io.switchboard.gateway.auth;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API key authentication ({@code switchboard.gateway.auth.*}).
 *
 * @param cacheTtl how long a key lookup is reused from memory before Redis is asked again (also how long a disabled
 *        key may still pass on a replica that cached it)
 * @param cacheSize most keys held in memory
 * @param bootstrapKeys keys created at start-up if missing, for the local stack's demo tenant and for operators; the
 *        plaintext comes from configuration (a Kubernetes Secret), is hashed, and is never stored or logged
 */
@ConfigurationProperties("switchboard.gateway.auth")
public record AuthProperties(@DefaultValue("10s") Duration cacheTtl, @DefaultValue("100000") long cacheSize,
        @DefaultValue List<BootstrapKey> bootstrapKeys) {

    /**
     * @param key the plaintext key ({@code sk-sb-v1-...}); an empty value is skipped
     * @param tenant the tenant it belongs to
     * @param name its name
     */
    public record BootstrapKey(@Nullable String key, String tenant, @DefaultValue("Bootstrap key") String name) {
    }
}
