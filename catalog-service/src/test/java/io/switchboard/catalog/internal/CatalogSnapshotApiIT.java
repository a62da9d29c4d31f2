package io.switchboard.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.catalog.CatalogTestSupport;
import io.switchboard.catalog.SignedRequests;
import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.store.CatalogStore;
import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.kit.identity.SigningExchangeFilter;
import io.switchboard.testsupport.contract.OpenRouterContract;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
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
    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CatalogTestSupport.properties(registry);
    }

    @BeforeEach
    void catalogLoaded() {
        CatalogTestSupport.awaitLoaded(store);
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
                .expectHeader()
                .doesNotExist(LongPoll.PREFERENCE_APPLIED)
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
    void shouldAnswerALongPollAtOnceForAnOlderVersion() {
        CatalogSnapshot current = store.current();

        SignedRequests.get(client, proof, PATH, headers -> {
            headers.setIfNoneMatch("\"0000000000000000\"");
            headers.set(LongPoll.PREFER, "wait=25");
        })
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"" + current.version() + "\"")
                .expectHeader()
                .valueEquals(LongPoll.PREFERENCE_APPLIED, "wait=25");
    }

    @Test
    void shouldAnswerALongPollNotModifiedOnceTheWaitPassesWithoutChange() {
        String etag = "\"" + store.current().version() + "\"";

        SignedRequests.get(client, proof, PATH, headers -> {
            headers.setIfNoneMatch(etag);
            headers.set(LongPoll.PREFER, "wait=1");
        })
                .expectStatus()
                .isNotModified()
                .expectHeader()
                .valueEquals(LongPoll.PREFERENCE_APPLIED, "wait=1")
                .expectBody()
                .isEmpty();
    }

    @Test
    void shouldAnswerAWaitingLongPollWithTheCatalogOnceItChanges() {
        CatalogSnapshot before = store.current();
        WebClient signed = WebClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .filter(new SigningExchangeFilter(proof, request -> InternalIdentity.service("test", "req-poll")))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
        var poll = signed.get()
                .uri(PATH)
                .header(HttpHeaders.IF_NONE_MATCH, "\"" + before.version() + "\"")
                .header(LongPoll.PREFER, "wait=30")
                .retrieve()
                .toEntity(CatalogSnapshot.class);

        StepVerifier.create(poll)
                .then(() -> SignedRequests.asOperator(client, proof, HttpMethod.POST,
                        "/api/v1/admin/catalog/providers/groq/disable", null).expectStatus().isOk())
                .assertNext(response -> {
                    assertThat(response.getStatusCode().value()).isEqualTo(200);
                    assertThat(response.getBody().version()).isNotEqualTo(before.version());
                    assertThat(response.getBody().provider("groq").orElseThrow().disabled()).isTrue();
                })
                // Well within the 30 s wait: the change answered it, not the clock.
                .expectComplete()
                .verify(Duration.ofSeconds(20));
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
