package io.switchboard.kit.identity;

import java.util.List;

/**
 * Names of the internal headers that carry an {@link InternalIdentity} between services. Every header starting with
 * {@link #PREFIX} is internal: gateway-service strips any a client sends before it adds its own.
 */
public final class IdentityHeaders {

    public static final String PREFIX = "X-Switchboard-";
    public static final String TENANT = PREFIX + "Tenant";
    public static final String KEY = PREFIX + "Key";
    public static final String REQUEST_ID = PREFIX + "Request-Id";
    public static final String ROLE = PREFIX + "Role";
    public static final String ISSUED_AT = PREFIX + "Issued-At";
    public static final String SIGNATURE = PREFIX + "Signature";

    public static final List<String> ALL = List.of(TENANT, KEY, REQUEST_ID, ROLE, ISSUED_AT, SIGNATURE);

    private IdentityHeaders() {
    }

    public static boolean isInternal(String headerName) {
        return headerName.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    static void requireHeaderSafe(String value, String name) {
        if (value == null || value.isEmpty() || value.length() > 200) {
            throw new IllegalArgumentException(name + " must be 1..200 characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new IllegalArgumentException(name + " must be printable ASCII without spaces");
            }
        }
    }
}
