package io.switchboard.gateway.tenant;

import java.util.regex.Pattern;

/**
 * What a tenant id may be: 1 to 63 lower-case letters, digits and hyphens, starting with a letter or digit. That
 * keeps it safe in Redis keys (no hash-tag braces), in the signed identity headers and in URLs, and keeps the
 * reserved ids, which start with an underscore, out of reach.
 */
public final class TenantIds {

    /** The pseudo-tenant of the operator's keys; no real tenant can have it. */
    public static final String OPERATOR = "_operator";

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private TenantIds() {
    }

    public static boolean isValid(String id) {
        return VALID.matcher(id).matches();
    }
}
