package io.switchboard.kit.identity;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How services prove and check who a request is for ({@code switchboard.internal.*}).
 *
 * @param secret shared HMAC secret of the cluster, at least 32 characters; from a Kubernetes Secret in production
 * @param maxClockSkew how far the issue time of a proof may be from this service's clock
 * @param verifyInbound whether this service refuses unproven requests on {@code protectedPaths} (off only at the
 *        gateway, which is where identities are established)
 * @param protectedPaths path prefixes that require a proof
 */
@ConfigurationProperties("switchboard.internal")
public record InternalIdentityProperties(@Nullable String secret, @DefaultValue("60s") Duration maxClockSkew,
        @DefaultValue("true") boolean verifyInbound, @DefaultValue( {
                "/api/", "/internal/"}) List<String> protectedPaths){

    public String requireSecret() {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException(
                    "switchboard.internal.secret must be set to a shared secret of at least 32 characters "
                            + "(environment variable SWITCHBOARD_INTERNAL_SECRET)");
        }
        return secret;
    }
}
