package io.switchboard.gateway.auth;

/**
 * What the gateway stores about an API key (never the key itself).
 *
 * @param hash SHA-256 hex of the key; its id
 * @param tenantId the tenant it belongs to
 * @param name human-readable name
 * @param disabled a disabled key is refused like an unknown one
 */
public record ApiKeyRecord(String hash, String tenantId, String name, boolean disabled) {
}
