package io.switchboard.billing.access;

import io.switchboard.kit.error.ApiException;
import io.switchboard.kit.identity.IdentityVerificationFilter;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.kit.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;

/** The caller of a request, refused with 403 unless its role is at least the one required. */
public final class Access {

    private Access() {
    }

    public static InternalIdentity requireAtLeast(ServerRequest request, Role role) {
        InternalIdentity caller = IdentityVerificationFilter.identityOf(request.exchange());
        if (!caller.role().atLeast(role)) {
            // OpenRouter's wording for management-only endpoints (the contract's 403 example).
            throw new ApiException(HttpStatus.FORBIDDEN, role == Role.MANAGER
                    ? "Only management keys can perform this operation"
                    : "Only operator keys can perform this operation");
        }
        return caller;
    }
}
