package io.switchboard.catalog.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.catalog.CatalogTestSupport;
import io.switchboard.catalog.SignedRequests;
import io.switchboard.catalog.store.CatalogStore;
import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.testsupport.contract.OpenRouterContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class ModelsApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> ALL_MODELS = List.of("mistralai/mistral-small-2603",
            "mistralai/mistral-small-3.1-24b-instruct", "mistralai/mistral-7b-instruct-v0.2", "mistralai/mistral-small",
            "openai/gpt-4o-mini", "anthropic/claude-3.5-haiku", "google/gemini-2.0-flash-001",
            "meta-llama/llama-3.1-8b-instruct");

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
    void shouldRefuseAnUnsignedRequestWithOpenRouterErrorJson() {
        String body = client.get()
                .uri("/api/v1/models")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        OpenRouterContract.assertConforms("UnauthorizedResponse", body);
        assertThat(JSON.readTree(body).at("/error/code").asInt()).isEqualTo(401);
    }

    @Test
    void shouldListEveryModelInOpenRoutersShape() {
        String body = models("/api/v1/models");

        OpenRouterContract.assertConforms("ModelsListResponse", body);
        JsonNode list = JSON.readTree(body);
        list.get("data").forEach(model -> OpenRouterContract.assertConforms("Model", model.toString()));
        assertThat(ids(list)).containsExactlyElementsOf(ALL_MODELS);
        assertThat(list.get("total_count").asInt()).isEqualTo(8);
        assertThat(list.get("links").has("next")).isTrue();
        assertThat(list.at("/links/next").isNull()).isTrue();
    }

    @Test
    void shouldDescribeAModelFromItsCheapestEndpoint() {
        JsonNode model = JSON.readTree(models("/api/v1/models")).get("data").get(0);

        assertThat(model.get("id").asString()).isEqualTo("mistralai/mistral-small-2603");
        assertThat(model.get("name").asString()).isEqualTo("Mistral: Mistral Small 4");
        assertThat(model.get("context_length").asLong()).isEqualTo(262144);
        assertThat(model.at("/architecture/modality").asString()).isEqualTo("text->text");
        assertThat(model.at("/architecture/tokenizer").asString()).isEqualTo("Mistral");
        assertThat(model.at("/pricing/prompt").asString()).isEqualTo("0.00000015");
        assertThat(model.at("/pricing/completion").asString()).isEqualTo("0.0000006");
        assertThat(model.get("pricing").has("image")).isFalse();
        assertThat(model.at("/top_provider/is_moderated").asBoolean()).isFalse();
        assertThat(model.at("/links/details").asString())
                .isEqualTo("/api/v1/models/mistralai/mistral-small-2603/endpoints");
        assertThat(model.get("per_request_limits").isNull()).isTrue();
        assertThat(model.get("default_parameters").isNull()).isTrue();
        assertThat(model.get("supported_voices").isNull()).isTrue();
    }

    @Test
    void shouldWriteEveryPriceAsAPlainDecimalString() {
        JsonNode list = JSON.readTree(models("/api/v1/models"));

        List<JsonNode> prices = new ArrayList<>();
        list.get("data").forEach(model -> model.get("pricing").forEach(prices::add));
        assertThat(prices).isNotEmpty().allSatisfy(price -> {
            assertThat(price.isString()).as("%s is a string", price).isTrue();
            assertThat(price.asString()).matches("\\d+(\\.\\d+)?");
        });
        JsonNode haiku = byId(list, "anthropic/claude-3.5-haiku").get("pricing");
        assertThat(haiku.get("input_cache_read").asString()).isEqualTo("0.00000008");
        assertThat(haiku.get("input_cache_write").asString()).isEqualTo("0.000001");
        assertThat(byId(list, "mistralai/mistral-small-3.1-24b-instruct").at("/pricing/image").asString())
                .isEqualTo("0.0009264");
    }

    @Test
    void shouldNeverRevealHowProvidersAreReached() {
        String body = models("/api/v1/models");

        assertThat(store.current().providers()).allSatisfy(provider -> {
            assertThat(provider.credentialEnv()).isNotNull();
            assertThat(body).doesNotContain(provider.credentialEnv()).doesNotContain(provider.baseUrl());
        });
        assertThat(body).doesNotContain("API_KEY").doesNotContain("credential").doesNotContain("base_url");
    }

    @Test
    void shouldListOnlyModelsSupportingEveryRequestedParameter() {
        JsonNode list = JSON.readTree(models("/api/v1/models?supported_parameters=tools,structured_outputs"));

        assertThat(ids(list)).containsExactly("mistralai/mistral-small-2603",
                "mistralai/mistral-small-3.1-24b-instruct", "openai/gpt-4o-mini", "google/gemini-2.0-flash-001");
        assertThat(list.get("total_count").asInt()).isEqualTo(4);
    }

    @Test
    void shouldFilterByOutputModality() {
        assertThat(ids(JSON.readTree(models("/api/v1/models?output_modalities=text")))).hasSize(8);
        assertThat(ids(JSON.readTree(models("/api/v1/models?output_modalities=all")))).hasSize(8);
        JsonNode images = JSON.readTree(models("/api/v1/models?output_modalities=image"));
        assertThat(ids(images)).isEmpty();
        assertThat(images.get("total_count").asInt()).isZero();
    }

    @Test
    void shouldIgnoreUnknownQueryParameters() {
        assertThat(ids(JSON.readTree(models("/api/v1/models?sort=newest&foo=bar")))).hasSize(8);
    }

    @Test
    void shouldListOnlyModelsOfTheRequestedCategory() {
        String body = models("/api/v1/models?category=translation");

        OpenRouterContract.assertConforms("ModelsListResponse", body);
        assertThat(ids(JSON.readTree(body))).containsExactly("mistralai/mistral-small-3.1-24b-instruct",
                "mistralai/mistral-small");
    }

    @Test
    void shouldRefuseAnUnknownCategoryWithOpenRouterErrorJson() {
        String body = SignedRequests.get(client, proof, "/api/v1/models?category=poetry")
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        OpenRouterContract.assertConforms("BadRequestResponse", body);
    }

    @Test
    void shouldShowAModelsPerRequestLimits() {
        SignedRequests.asOperator(client, proof, HttpMethod.PATCH, "/api/v1/admin/catalog/models/openai/gpt-4o-mini",
                "{\"per_request_limits\":{\"prompt_tokens\":100000,\"completion_tokens\":4000}}")
                .expectStatus()
                .isOk();

        String body = models("/api/v1/models");

        OpenRouterContract.assertConforms("ModelsListResponse", body);
        JsonNode list = JSON.readTree(body);
        assertThat(byId(list, "openai/gpt-4o-mini").at("/per_request_limits/prompt_tokens").asLong())
                .isEqualTo(100000);
        assertThat(byId(list, "openai/gpt-4o-mini").at("/per_request_limits/completion_tokens").asLong())
                .isEqualTo(4000);
        assertThat(byId(list, "mistralai/mistral-small").get("per_request_limits").isNull()).isTrue();
    }

    @Test
    void shouldCountTheModelsTheListShows() {
        String body = models("/api/v1/models/count");

        OpenRouterContract.assertConforms("ModelsCountResponse", body);
        OpenRouterContract.assertConformsToResponse("/models/count", "get", 200, body);
        assertThat(JSON.readTree(body).at("/data/count").asInt()).isEqualTo(8);
    }

    @Test
    void shouldCountWithTheOutputModalityFilter() {
        assertThat(JSON.readTree(models("/api/v1/models/count?output_modalities=image")).at("/data/count").asInt())
                .isZero();
        assertThat(JSON.readTree(models("/api/v1/models/count?output_modalities=all")).at("/data/count").asInt())
                .isEqualTo(8);
    }

    @Test
    void shouldPageWhenAskedWithALinkToTheNextPage() {
        JsonNode page = JSON.readTree(models("/api/v1/models?offset=2&limit=3"));

        assertThat(ids(page)).containsExactlyElementsOf(ALL_MODELS.subList(2, 5));
        assertThat(page.get("total_count").asInt()).isEqualTo(8);
        assertThat(page.at("/links/next").asString())
                .isEqualTo("/api/v1/models?output_modalities=text&offset=5&limit=3");
    }

    @Test
    void shouldRefuseAnInvalidLimitWithOpenRouterErrorJson() {
        String body = SignedRequests.get(client, proof, "/api/v1/models?limit=0")
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        OpenRouterContract.assertConforms("BadRequestResponse", body);
        assertThat(JSON.readTree(body).at("/error/message").asString()).startsWith("limit must be");
    }

    private String models(String pathAndQuery) {
        return SignedRequests.get(client, proof, pathAndQuery)
                .expectStatus()
                .isEqualTo(HttpStatus.OK)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("data").forEach(model -> ids.add(model.get("id").asString()));
        return ids;
    }

    private static JsonNode byId(JsonNode list, String id) {
        for (JsonNode model : list.get("data")) {
            if (model.get("id").asString().equals(id)) {
                return model;
            }
        }
        throw new AssertionError("no model " + id);
    }
}
