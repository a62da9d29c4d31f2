package io.switchboard.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.catalog.SignedRequests;
import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.source.CatalogLoader;
import io.switchboard.catalog.store.CatalogStore;
import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.testsupport.contract.OpenRouterContract;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = SignedRequests.SECRET_PROPERTY)
@AutoConfigureWebTestClient
class CatalogSnapshotApiIT {

    private static final String PATH = "/internal/v1/catalog";

    @Autowired
    private WebTestClient client;
    @Autowired
    private IdentityProof proof;
    @Autowired
    private CatalogStore store;
    @Autowired
    private JsonMapper mapper;

    private CatalogSnapshot shipped;

    @AfterEach
    void restoreTheShippedCatalog() {
        if (shipped != null) {
            store.replace(shipped);
        }
    }

    @Test
    void shouldServeTheWholeSnapshotWithItsVersionAsETag() {
        CatalogSnapshot current = store.current();

        byte[] body = SignedRequests.get(client, proof, PATH)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"" + current.version() + "\"")
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                .expectBody()
                .returnResult()
                .getResponseBody();

        assertThat(mapper.readValue(body, CatalogSnapshot.class)).isEqualTo(current);
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"prompt\":0.00000015")
                .contains("\"credential_env\":\"MISTRAL_API_KEY\"");
    }

    @Test
    void shouldAnswerNotModifiedWithoutBodyForTheCurrentVersion() {
        String etag = "\"" + store.current().version() + "\"";

        SignedRequests.get(client, proof, PATH, headers -> headers.setIfNoneMatch(etag))
                .expectStatus()
                .isNotModified()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, etag)
                .expectBody()
                .isEmpty();
    }

    @Test
    void shouldServeANewVersionOnceTheCatalogChanges() {
        shipped = store.current();
        String oldETag = "\"" + shipped.version() + "\"";
        CatalogSnapshot changed = new CatalogLoader().load(new ClassPathResource("catalogs/valid.yaml"), null);
        store.replace(changed);

        byte[] body = SignedRequests.get(client, proof, PATH, headers -> headers.setIfNoneMatch(oldETag))
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"" + changed.version() + "\"")
                .expectBody()
                .returnResult()
                .getResponseBody();

        assertThat(mapper.readValue(body, CatalogSnapshot.class)).isEqualTo(changed);
    }

    @Test
    void shouldRefuseAnUnsignedRequest() {
        String body = client.get()
                .uri(PATH)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        OpenRouterContract.assertConforms("UnauthorizedResponse", body);
    }

    @Test
    void shouldRefuseAProofSignedForAnotherPath() {
        client.get()
                .uri(PATH)
                .headers(headers -> proof.sign(InternalIdentity.service("routing-service", "req-1"), HttpMethod.GET,
                        "/api/v1/models", headers))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }
}
