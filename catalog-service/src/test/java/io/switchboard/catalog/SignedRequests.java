package io.switchboard.catalog;

import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.kit.identity.Role;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Requests carrying the internal identity proof gateway-service would add, for the exact path and query sent. */
public final class SignedRequests {

    /** At least 32 characters, as service-kit requires. */
    public static final String SECRET = "catalog-service-test-secret-0123456789";
    public static final String SECRET_PROPERTY = "switchboard.internal.secret=" + SECRET;

    public static final InternalIdentity CALLER = new InternalIdentity("tenant-test", "key-hash-test", "req-test");
    public static final InternalIdentity OPERATOR = new InternalIdentity("platform", "operator-key-hash", "req-op",
            Role.OPERATOR);

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

    /** {@code method} on {@code pathAndQuery} as {@code identity}, with a JSON body if one is given. */
    public static WebTestClient.ResponseSpec send(WebTestClient client, IdentityProof proof, InternalIdentity identity,
            HttpMethod method, String pathAndQuery, @Nullable String json) {
        WebTestClient.RequestBodySpec request = client.method(method)
                .uri(pathAndQuery)
                .headers(headers -> proof.sign(identity, method, pathAndQuery, headers));
        if (json == null) {
            return request.exchange();
        }
        return request.contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    /** {@code method} on {@code pathAndQuery} as the operator. */
    public static WebTestClient.ResponseSpec asOperator(WebTestClient client, IdentityProof proof, HttpMethod method,
            String pathAndQuery, @Nullable String json) {
        return send(client, proof, OPERATOR, method, pathAndQuery, json);
    }
}
