package io.switchboard.gateway.tenant;

import java.time.Instant;

/**
 * A tenant: a team or customer whose keys, credit and usage are walled off from every other tenant's.
 *
 * @param id its id (see {@link TenantIds})
 * @param name display name
 * @param createdAt when it was created
 */
public record Tenant(String id, String name, Instant createdAt) {
}
