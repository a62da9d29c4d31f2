package io.switchboard.kit.identity;

/**
 * What the caller's key may do. Set by gateway-service from the key's kind and carried inside the signed identity, so
 * an internal service can check it without looking the key up.
 */
public enum Role {
    /** An inference key: chat completions, its own generations, its own key metadata. */
    USER,
    /** A tenant's management key: manages that tenant's keys, reads its credits and activity. */
    MANAGER,
    /** A platform operator: tenants, credits, the catalog ({@code /api/v1/admin/**}). */
    OPERATOR,
    /** A Switchboard service calling another on its own behalf. */
    SERVICE;

    public boolean atLeast(Role other) {
        return this == SERVICE || ordinal() >= other.ordinal() && other != SERVICE;
    }
}
