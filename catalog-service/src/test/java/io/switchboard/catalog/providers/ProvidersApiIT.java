package io.switchboard.catalog.providers;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.catalog.CatalogTestSupport;
import io.switchboard.catalog.SignedRequests;
import io.switchboard.catalog.store.CatalogStore;
import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.testsupport.contract.OpenRouterContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class ProvidersApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private WebTestClient client;
    @Autowired
    private IdentityProof proof;
    @Autowired
    private CatalogStore store;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CatalogTestSupport.properties(registry);
    }

    @BeforeEach
    void catalogLoaded() {
        CatalogTestSupport.awaitLoaded(store);
    }

    @Test
    void shouldListTheProvidersInOpenRoutersShape() {
        String body = providers();

        OpenRouterContract.assertConformsToResponse("/providers", "get", 200, body);
        JsonNode first = JSON.readTree(body).at("/data/0");
        assertThat(first.get("slug").asString()).isEqualTo("mistral");
        assertThat(first.get("name").asString()).isEqualTo("Mistral");
        assertThat(first.get("privacy_policy_url").isNull()).isTrue();
        assertThat(JSON.readTree(body).get("data").valueStream().map(p -> p.get("slug").asString()))
                .contains("deepinfra", "together", "openai", "anthropic", "google-ai-studio");
    }

    @Test
    void shouldNotListADisabledProvider() {
        SignedRequests.asOperator(client, proof, HttpMethod.POST, "/api/v1/admin/catalog/providers/groq/disable",
                null).expectStatus().isOk();

        assertThat(JSON.readTree(providers()).get("data").valueStream().map(p -> p.get("slug").asString()))
                .doesNotContain("groq");
    }

    @Test
    void shouldNeverRevealHowProvidersAreReached() {
        assertThat(providers()).doesNotContain("credential")
                .doesNotContain("API_KEY")
                .doesNotContain("base_url")
                .doesNotContain("https://api.");
    }

    private String providers() {
        return SignedRequests.get(client, proof, "/api/v1/providers")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
