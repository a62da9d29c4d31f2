package io.switchboard.kit.identity;

/**
 * Who a request is for, as established by gateway-service: the tenant, the API key (its hash, which is also its public
 * id) and the request id. Internal services trust it only with a valid {@link IdentityProof}.
 *
 * @param tenantId tenant that owns the key
 * @param keyId hash of the API key
 * @param requestId id assigned to the request at the gateway
 * @param role what the key may do
 */
public record InternalIdentity(String tenantId, String keyId, String requestId, Role role) {

    /** Tenant id used by services calling each other on their own behalf (for example routing reading the catalog). */
    public static final String SYSTEM_TENANT = "_system";

    /** The exchange attribute under which a verified identity is stored. */
    public static final String ATTRIBUTE = InternalIdentity.class.getName();

    public InternalIdentity {
        IdentityHeaders.requireHeaderSafe(tenantId, "tenantId");
        IdentityHeaders.requireHeaderSafe(keyId, "keyId");
        IdentityHeaders.requireHeaderSafe(requestId, "requestId");
        if (role == null) {
            throw new IllegalArgumentException("role is required");
        }
    }

    /** A user-role identity, what an inference key gets. */
    public InternalIdentity(String tenantId, String keyId, String requestId) {
        this(tenantId, keyId, requestId, Role.USER);
    }

    public static InternalIdentity service(String serviceName, String requestId) {
        return new InternalIdentity(SYSTEM_TENANT, serviceName, requestId, Role.SERVICE);
    }

    public boolean isSystem() {
        return SYSTEM_TENANT.equals(tenantId);
    }
}
