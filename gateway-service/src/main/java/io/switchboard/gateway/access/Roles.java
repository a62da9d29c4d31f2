package io.switchboard.gateway.access;

import io.switchboard.gateway.auth.ApiKeyRecord;
import io.switchboard.kit.error.ApiException;
import io.switchboard.kit.identity.Role;
import java.util.Collection;
import org.springframework.http.HttpStatus;

/** Refusals of a key that may not do what it asked (403, OpenRouter's error JSON). */
public final class Roles {

    private Roles() {
    }

    /** Throws 403 unless {@code key} has one of {@code allowed}. */
    public static void require(ApiKeyRecord key, Collection<Role> allowed) {
        if (!allowed.contains(key.role())) {
            throw new ApiException(HttpStatus.FORBIDDEN, message(allowed));
        }
    }

    static String message(Collection<Role> allowed) {
        if (allowed.size() == 1) {
            return switch (allowed.iterator().next()) {
                case USER -> "Management and operator keys cannot be used for this endpoint; use an API key";
                case MANAGER -> "Only management keys can perform this operation";
                case OPERATOR -> "Only operator keys can perform this operation";
                case SERVICE -> "Only Switchboard services can perform this operation";
            };
        }
        return "This key may not perform this operation";
    }
}
