package io.switchboard.kit.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * The proof that an {@link InternalIdentity} was set by a Switchboard service: an HMAC-SHA256, under the cluster's
 * shared internal secret, over the identity (role included), the HTTP method, the path with query, and the time of issue. Binding the
 * method and path stops a captured proof being replayed against another endpoint; the issue time bounds replay of the
 * same request to the allowed clock skew.
 */
public final class IdentityProof {

    private static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration maxSkew;
    private final ThreadLocal<Mac> macs;

    public IdentityProof(String secret, Clock clock, Duration maxSkew) {
        if (secret.length() < 32) {
            throw new IllegalArgumentException("The internal secret must be at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
        this.maxSkew = maxSkew;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** Writes the identity and its proof into {@code headers}, replacing any internal headers already there. */
    public void sign(InternalIdentity identity, HttpMethod method, String pathAndQuery, HttpHeaders headers) {
        String issuedAt = Long.toString(clock.instant().getEpochSecond());
        headers.set(IdentityHeaders.TENANT, identity.tenantId());
        headers.set(IdentityHeaders.KEY, identity.keyId());
        headers.set(IdentityHeaders.REQUEST_ID, identity.requestId());
        headers.set(IdentityHeaders.ROLE, identity.role().name());
        headers.set(IdentityHeaders.ISSUED_AT, issuedAt);
        headers.set(IdentityHeaders.SIGNATURE, signature(identity, method, pathAndQuery, issuedAt));
    }

    /** The identity in {@code headers} if its proof is valid for this method, path and time; otherwise empty. */
    public Optional<InternalIdentity> verify(HttpMethod method, String pathAndQuery, HttpHeaders headers) {
        String tenant = headers.getFirst(IdentityHeaders.TENANT);
        String keyId = headers.getFirst(IdentityHeaders.KEY);
        String requestId = headers.getFirst(IdentityHeaders.REQUEST_ID);
        String role = headers.getFirst(IdentityHeaders.ROLE);
        String issuedAt = headers.getFirst(IdentityHeaders.ISSUED_AT);
        String signature = headers.getFirst(IdentityHeaders.SIGNATURE);
        if (tenant == null || keyId == null || requestId == null || role == null || issuedAt == null
                || signature == null) {
            return Optional.empty();
        }
        InternalIdentity identity;
        long issued;
        try {
            identity = new InternalIdentity(tenant, keyId, requestId, Role.valueOf(role));
            issued = Long.parseLong(issuedAt);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        long age = clock.instant().getEpochSecond() - issued;
        if (Math.abs(age) > maxSkew.toSeconds()) {
            return Optional.empty();
        }
        byte[] expected = signature(identity, method, pathAndQuery, issuedAt).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = signature.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual) ? Optional.of(identity) : Optional.empty();
    }

    private String signature(InternalIdentity identity, HttpMethod method, String pathAndQuery, String issuedAt) {
        String canonical = String.join("\n", VERSION, method.name(), pathAndQuery, identity.tenantId(),
                identity.keyId(), identity.requestId(), identity.role().name(), issuedAt);
        byte[] mac = macs.get().doFinal(canonical.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
