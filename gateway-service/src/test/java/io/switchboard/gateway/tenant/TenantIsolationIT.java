package io.switchboard.gateway.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.auth.ApiKeys;
import io.switchboard.gateway.support.GatewayTest;
import io.switchboard.gateway.support.UpstreamStub;
import io.switchboard.kit.identity.IdentityHeaders;
import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.kit.identity.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Generations, credits and activity are billing's: it answers for the tenant in the signed identity. So a key of
 * tenant A can only ever be forwarded as tenant A (with its own role), whatever it claims, and billing's checks do
 * the rest.
 */
class TenantIsolationIT extends GatewayTest {

    @Autowired
    IdentityProof proof;

    @Test
    void shouldForwardOnlyTheCallersOwnTenantToBillingWhateverItClaims() {
        String tenantA = newTenantId();
        String tenantB = newTenantId();
        newKey(tenantB, Role.MANAGER, k -> k);
        String managerA = newKey(tenantA, Role.MANAGER, k -> k);
        String userA = newKey(tenantA, Role.USER, k -> k);

        for (String path : List.of("/api/v1/credits", "/api/v1/activity", "/api/v1/generation?id=gen-of-b")) {
            for (String key : List.of(managerA, userA)) {
                String marker = IDS.next("m-", 12);
                web.get()
                        .uri(path)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                        .header(IdentityHeaders.TENANT, tenantB)
                        .header(IdentityHeaders.ROLE, "OPERATOR")
                        .header(IdentityHeaders.KEY, "someone-elses")
                        .header("X-Test-Marker", marker)
                        .exchange()
                        .expectStatus()
                        .isOk();

                UpstreamStub.Received received = UPSTREAM.received(r -> marker.equals(r.headers()
                        .get(
                                "X-Test-Marker")))
                        .getFirst();
                HttpHeaders forwarded = new HttpHeaders();
                received.headers().forEach(entry -> forwarded.add(entry.getKey(), entry.getValue()));
                InternalIdentity identity = proof.verify(HttpMethod.GET, received.path(), forwarded).orElseThrow();
                assertThat(identity.tenantId()).as(path).isEqualTo(tenantA);
                assertThat(identity.keyId()).isEqualTo(ApiKeys.hash(key));
                assertThat(identity.role()).isEqualTo(key.equals(managerA) ? Role.MANAGER : Role.USER);
                assertThat(forwarded.get(IdentityHeaders.TENANT)).containsExactly(tenantA);
            }
        }
    }
}
