package io.switchboard.catalog;

import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.kit.identity.InternalIdentity;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/** GET requests carrying the internal identity proof gateway-service would add, for the exact path and query sent. */
public final class SignedRequests {

    /** At least 32 characters, as service-kit requires. */
    public static final String SECRET = "catalog-service-test-secret-0123456789";
    public static final String SECRET_PROPERTY = "switchboard.internal.secret=" + SECRET;

    private static final InternalIdentity CALLER = new InternalIdentity("tenant-test", "key-hash-test", "req-test");

    private SignedRequests() {
    }

    public static WebTestClient.ResponseSpec get(WebTestClient client, IdentityProof proof, String pathAndQuery) {
        return get(client, proof, pathAndQuery, headers -> {
        });
    }

    public static WebTestClient.ResponseSpec get(WebTestClient client, IdentityProof proof, String pathAndQuery,
            Consumer<HttpHeaders> moreHeaders) {
        return client.get().uri(pathAndQuery).headers(headers -> {
            moreHeaders.accept(headers);
            proof.sign(CALLER, HttpMethod.GET, pathAndQuery, headers);
        }).exchange();
    }
}
