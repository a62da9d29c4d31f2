package io.switchboard.catalog.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.catalog.CatalogTestSupport;
import io.switchboard.catalog.SignedRequests;
import io.switchboard.catalog.store.CatalogStore;
import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.kit.identity.Role;
import io.switchboard.kit.identity.SigningExchangeFilter;
import io.switchboard.testsupport.contract.OpenRouterContract;
import io.switchboard.testsupport.metrics.PrometheusScrape;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class CatalogAdminApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN = "/api/v1/admin/catalog";

    @Autowired
    private WebTestClient client;
    @Autowired
    private IdentityProof proof;
    @Autowired
    private CatalogStore store;
    @LocalServerPort
    private int port;
    @LocalManagementPort
    private int managementPort;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CatalogTestSupport.properties(registry);
    }

    @BeforeEach
    void catalogLoaded() {
        CatalogTestSupport.awaitLoaded(store);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"USER", "MANAGER", "SERVICE"})
    void shouldRefuseEveryRoleButOperatorWith403(Role role) {
        InternalIdentity caller = new InternalIdentity("tenant-a", "key-a", "req-a", role);

        String body = SignedRequests.send(client, proof, caller, HttpMethod.POST, ADMIN + "/providers/groq/disable",
                null)
                .expectStatus()
                .isForbidden()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        OpenRouterContract.assertConforms("ForbiddenResponse", body);
        assertThat(store.current().provider("groq").orElseThrow().disabled()).isFalse();
    }

    @Test
    void shouldAddAProviderModelAndEndpointAndListTheModelAtOnce() {
        String provider = newSlug("acme");
        String model = provider + "/echo-1";

        created(ADMIN + "/providers", provider(provider));
        created(ADMIN + "/models", model(model));
        JsonNode endpoint = created(ADMIN + "/endpoints", endpoint(provider, model, "0.000001"));

        assertThat(endpoint.at("/data/id").asString()).isEqualTo(provider + ":" + model);
        assertThat(endpoint.at("/data/origin").asString()).isEqualTo("operator");
        assertThat(store.current().endpointsOf(model)).singleElement()
                .satisfies(e -> assertThat(e.provider()).isEqualTo(provider));
        JsonNode listed = publicModel(model);
        assertThat(listed.at("/pricing/prompt").asString()).isEqualTo("0.000001");
    }

    @Test
    void shouldCountTheOperatorsEditAndExportTheRevisionItMade() {
        PrometheusScrape before = scrape();

        created(ADMIN + "/providers", provider(newSlug("counted")));

        PrometheusScrape after = scrape();
        assertThat(after.sum("switchboard_catalog_edits_total", Map.of("action", "create"))
                - before.sum("switchboard_catalog_edits_total", Map.of("action", "create"))).isEqualTo(1);
        assertThat(after.sum("switchboard_catalog_revision", Map.of()))
                .isEqualTo((double) store.revision())
                .isGreaterThan(before.sum("switchboard_catalog_revision", Map.of()));
        assertThat(after.sum("switchboard_catalog_endpoints", Map.of()))
                .isEqualTo(store.current().endpoints().size());
    }

    @Test
    void shouldNeverShowTheCredentialVariable() {
        String provider = newSlug("secretive");
        created(ADMIN + "/providers", provider(provider));

        String one = ok(HttpMethod.GET, ADMIN + "/providers/" + provider, null);
        String list = ok(HttpMethod.GET, ADMIN + "/providers", null);
        String audit = ok(HttpMethod.GET, ADMIN + "/audit?limit=1000", null);

        assertThat(List.of(one, list, audit)).allSatisfy(body -> assertThat(body).doesNotContain("credential_env")
                .doesNotContain("SECRETIVE_")
                .doesNotContain("MISTRAL_API_KEY"));
        assertThat(JSON.readTree(one).at("/data/credential_configured").asBoolean()).isTrue();
    }

    @Test
    void shouldRefuseAnInvalidEntryNamingTheBadField() {
        String provider = newSlug("broken");
        long revision = store.revision();

        JsonNode error = badRequest(HttpMethod.POST, ADMIN + "/providers",
                provider(provider).replace("https://llm.example/" + provider + "/v1", "llm.example"));

        assertThat(error.at("/error/message").asString())
                .isEqualTo("providers[" + provider + "].base_url: must be an absolute http(s) URL");
        assertThat(error.at("/error/metadata/problems/0").asString()).isEqualTo(error.at("/error/message")
                .asString());
        assertThat(store.revision()).isEqualTo(revision);
        assertThat(store.current().provider(provider)).isEmpty();
    }

    @Test
    void shouldRefuseAnUnknownFieldNamingIt() {
        JsonNode error = badRequest(HttpMethod.PATCH, ADMIN + "/endpoints/mistral/mistralai/mistral-small",
                "{\"pricing\":{\"promt\":\"0.000001\"}}");

        assertThat(error.at("/error/message").asString())
                .startsWith("endpoints[mistral:mistralai/mistral-small].pricing.promt: unknown field");
    }

    @Test
    void shouldRefuseAnEditThatBreaksAnotherEntry() {
        JsonNode error = badRequest(HttpMethod.PATCH, ADMIN + "/models/anthropic/claude-3.5-haiku",
                "{\"supported_parameters\":[\"max_tokens\"]}");

        assertThat(error.at("/error/message").asString()).contains(
                "endpoints[anthropic:anthropic/claude-3.5-haiku].supported_parameters[0]: 'tools' is not in the "
                        + "supported_parameters of model anthropic/claude-3.5-haiku");
    }

    @Test
    void shouldChangeOnlyTheFieldsAPatchNames() {
        JsonNode edited = okJson(HttpMethod.PATCH, ADMIN + "/endpoints/groq/meta-llama/llama-3.1-8b-instruct",
                "{\"pricing\":{\"completion\":\"0.00000009\"},\"max_completion_tokens\":null}");

        assertThat(edited.at("/data/pricing/completion").decimalValue()).isEqualByComparingTo("0.00000009");
        assertThat(edited.at("/data/pricing/prompt").decimalValue()).isEqualByComparingTo("0.00000005");
        assertThat(edited.at("/data/upstream_model").asString()).isEqualTo("llama-3.1-8b-instant");
        assertThat(edited.at("/data/max_completion_tokens").isNull()).isTrue();
        assertThat(edited.at("/data/edited").asBoolean()).isTrue();
        assertThat(edited.at("/data/origin").asString()).isEqualTo("file");
        assertThat(edited.at("/catalog/version").asString()).isEqualTo(store.current().version());
    }

    @Test
    void shouldStopListingWhatOnlyADisabledProviderServes() {
        String provider = newSlug("solo");
        String model = provider + "/only-here";
        created(ADMIN + "/providers", provider(provider));
        created(ADMIN + "/models", model(model));
        created(ADMIN + "/endpoints", endpoint(provider, model, "0.000001"));

        JsonNode disabled = okJson(HttpMethod.POST, ADMIN + "/providers/" + provider + "/disable", null);

        assertThat(disabled.at("/data/disabled").asBoolean()).isTrue();
        assertThat(publicModelIds()).doesNotContain(model);
        okJson(HttpMethod.POST, ADMIN + "/providers/" + provider + "/enable", null);
        assertThat(publicModelIds()).contains(model);
    }

    @Test
    void shouldAnswerADisableOfSomethingDisabledWithoutAChange() {
        String provider = newSlug("idle");
        created(ADMIN + "/providers", provider(provider));
        JsonNode first = okJson(HttpMethod.POST, ADMIN + "/providers/" + provider + "/disable", null);

        JsonNode second = okJson(HttpMethod.POST, ADMIN + "/providers/" + provider + "/disable", null);

        assertThat(second.at("/catalog/revision").asLong()).isEqualTo(first.at("/catalog/revision").asLong());
        assertThat(second.at("/data/disabled").asBoolean()).isTrue();
    }

    @Test
    void shouldRevertAnEntryToTheFilesVersion() {
        String path = ADMIN + "/endpoints/together/mistralai/mistral-7b-instruct-v0.2";
        okJson(HttpMethod.PATCH, path, "{\"pricing\":{\"prompt\":\"0.00000099\"},\"tag\":\"together/changed\"}");

        JsonNode reverted = okJson(HttpMethod.DELETE, path + "/edits", null);

        assertThat(reverted.at("/data/pricing/prompt").decimalValue()).isEqualByComparingTo("0.00000018");
        assertThat(reverted.at("/data/tag").asString()).isEqualTo("together");
        assertThat(reverted.at("/data/edited").asBoolean()).isFalse();
    }

    @Test
    void shouldRemoveAnOperatorsEntryOnRevertOnceNothingUsesIt() {
        String provider = newSlug("temp");
        String model = provider + "/m";
        created(ADMIN + "/providers", provider(provider));
        created(ADMIN + "/models", model(model));
        created(ADMIN + "/endpoints", endpoint(provider, model, "0.000001"));

        JsonNode stillUsed = badRequest(HttpMethod.DELETE, ADMIN + "/providers/" + provider + "/edits", null);
        assertThat(stillUsed.at("/error/message").asString())
                .isEqualTo("endpoints[" + provider + ":" + model + "].provider: unknown provider '" + provider + "'");

        okJson(HttpMethod.DELETE, ADMIN + "/endpoints/" + provider + "/" + model + "/edits", null);
        JsonNode removed = okJson(HttpMethod.DELETE, ADMIN + "/providers/" + provider + "/edits", null);
        assertThat(removed.get("data").isNull()).isTrue();
        assertThat(store.current().provider(provider)).isEmpty();
    }

    @Test
    void shouldRefuseToAddAnEntryThatExists() {
        String body = SignedRequests.asOperator(client, proof, HttpMethod.POST, ADMIN + "/providers",
                provider("groq"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(JSON.readTree(body).at("/error/message").asString()).contains("providers[groq] already exists");
    }

    @Test
    void shouldAnswer404ForAnEntryThatDoesNotExist() {
        String body = SignedRequests.asOperator(client, proof, HttpMethod.PATCH, ADMIN + "/models/nobody/nothing",
                "{\"name\":\"x\"}")
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        OpenRouterContract.assertConforms("NotFoundResponse", body);
    }

    @Test
    void shouldRefuseToChangeAnId() {
        JsonNode error = badRequest(HttpMethod.PATCH, ADMIN + "/providers/deepinfra", "{\"slug\":\"deep\"}");

        assertThat(error.at("/error/message").asString())
                .isEqualTo("providers[deepinfra].slug: must be 'deepinfra' (an entry's slug cannot be changed)");
    }

    @Test
    void shouldRefuseABodyThatIsNotAJsonObject() {
        assertThat(badRequest(HttpMethod.PATCH, ADMIN + "/providers/deepinfra", "[1,2]").at("/error/message")
                .asString()).isEqualTo("A JSON object is required as the body");
        assertThat(badRequest(HttpMethod.PATCH, ADMIN + "/providers/deepinfra", "{\"name\":").at("/error/message")
                .asString()).startsWith("Request body is not valid JSON");
    }

    @Test
    void shouldAuditWhoChangedWhatWhenWithTheEntryBeforeAndAfter() {
        Instant start = Instant.now().minusSeconds(5);
        okJson(HttpMethod.PATCH, ADMIN + "/endpoints/deepinfra/mistralai/mistral-small",
                "{\"pricing\":{\"prompt\":\"0.00000026\"}}");

        JsonNode entry = JSON.readTree(ok(HttpMethod.GET, ADMIN + "/audit?limit=1", null)).at("/data/0");

        assertThat(entry.get("actor").asString()).isEqualTo(SignedRequests.OPERATOR.keyId());
        assertThat(entry.get("tenant").asString()).isEqualTo(SignedRequests.OPERATOR.tenantId());
        assertThat(entry.get("role").asString()).isEqualTo("OPERATOR");
        assertThat(entry.get("request_id").asString()).isEqualTo(SignedRequests.OPERATOR.requestId());
        assertThat(entry.get("action").asString()).isEqualTo("update");
        assertThat(entry.get("entry").asString()).isEqualTo("endpoint:deepinfra:mistralai/mistral-small");
        assertThat(Instant.parse(entry.get("at").asString())).isAfter(start);
        assertThat(entry.at("/before/pricing/prompt").decimalValue()).isEqualByComparingTo("0.00000025");
        assertThat(entry.at("/after/pricing/prompt").decimalValue()).isEqualByComparingTo("0.00000026");
        assertThat(entry.get("version").asString()).isEqualTo(store.current().version());
        assertThat(entry.get("revision").asLong()).isEqualTo(store.revision());
    }

    @Test
    void shouldPageThroughTheAuditLogNewestFirst() {
        String provider = newSlug("paged");
        created(ADMIN + "/providers", provider(provider));
        okJson(HttpMethod.POST, ADMIN + "/providers/" + provider + "/disable", null);

        JsonNode first = JSON.readTree(ok(HttpMethod.GET, ADMIN + "/audit?limit=1", null));
        JsonNode second = JSON.readTree(ok(HttpMethod.GET, ADMIN + "/audit?limit=1&before=" + first.get("next")
                .asString(), null));

        assertThat(first.at("/data/0/action").asString()).isEqualTo("disable");
        assertThat(second.at("/data/0/action").asString()).isEqualTo("create");
        assertThat(second.at("/data/0/entry").asString()).isEqualTo("provider:" + provider);
        assertThat(second.at("/data/0/before").isNull()).isTrue();
    }

    @Test
    void shouldAuditTheFileLoadedAtStartUp() {
        JsonNode all = JSON.readTree(ok(HttpMethod.GET, ADMIN + "/audit?limit=1000", null)).get("data");
        JsonNode oldest = all.get(all.size() - 1);

        assertThat(oldest.get("action").asString()).isEqualTo("load-file");
        assertThat(oldest.get("role").asString()).isEqualTo("SERVICE");
        assertThat(oldest.get("revision").asLong()).isEqualTo(1);
    }

    @Test
    void shouldApplyConcurrentEditsWithoutLosingAny() {
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            slugs.add(newSlug("concurrent"));
        }
        WebClient operator = WebClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .filter(new SigningExchangeFilter(proof, request -> SignedRequests.OPERATOR))
                .build();

        StepVerifier.create(Flux.fromIterable(slugs)
                .flatMap(slug -> operator.post()
                        .uri(ADMIN + "/providers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(provider(slug))
                        .retrieve()
                        .toBodilessEntity()))
                .expectNextCount(4)
                .expectComplete()
                .verify(Duration.ofSeconds(60));

        assertThat(slugs).allSatisfy(slug -> assertThat(store.current().provider(slug)).isPresent());
    }

    @Test
    void shouldListEntriesWithWhereTheyComeFrom() {
        String provider = newSlug("listed");
        created(ADMIN + "/providers", provider(provider));

        JsonNode list = okJson(HttpMethod.GET, ADMIN + "/providers", null).get("data");

        assertThat(list.get(0).get("slug").asString()).isEqualTo("mistral");
        assertThat(list.get(0).get("origin").asString()).isEqualTo("file");
        assertThat(list.valueStream()
                .filter(p -> p.get("slug").asString().equals(provider))
                .findFirst()
                .orElseThrow()
                .get("origin")
                .asString()).isEqualTo("operator");
    }

    static String newSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String provider(String slug) {
        return """
                {"slug":"%s","name":"%s Cloud","wire_format":"openai","base_url":"https://llm.example/%s/v1",
                 "credential_env":"%s_API_KEY","data_policy":{"training":false,"retains_prompts":false}}"""
                .formatted(slug, slug, slug, slug.toUpperCase().replace('-', '_'));
    }

    static String model(String id) {
        return """
                {"id":"%s","canonical_slug":"%s","name":"Echo","description":"Says it back.","created":1767225600,
                 "context_length":32768,"architecture":{"modality":"text->text","input_modalities":["text"],
                 "output_modalities":["text"],"tokenizer":"Other"},"supported_parameters":["max_tokens","temperature"],
                 "categories":["programming"]}""".formatted(id, id);
    }

    static String endpoint(String provider, String model, String prompt) {
        return """
                {"model":"%s","provider":"%s","upstream_model":"echo","pricing":{"prompt":"%s","completion":"0.000002"},
                 "context_length":32768,"quantization":"unknown","supported_parameters":["max_tokens","temperature"],
                 "tag":"%s"}""".formatted(model, provider, prompt, provider);
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.of(URI.create("http://127.0.0.1:" + managementPort));
    }

    private JsonNode created(String path, String json) {
        return JSON.readTree(SignedRequests.asOperator(client, proof, HttpMethod.POST, path, json)
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
    }

    private String ok(HttpMethod method, String path, @Nullable String json) {
        return SignedRequests.asOperator(client, proof, method, path, json)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private JsonNode okJson(HttpMethod method, String path, @Nullable String json) {
        return JSON.readTree(ok(method, path, json));
    }

    private JsonNode badRequest(HttpMethod method, String path, @Nullable String json) {
        String body = SignedRequests.asOperator(client, proof, method, path, json)
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        OpenRouterContract.assertConforms("BadRequestResponse", body);
        return JSON.readTree(body);
    }

    private JsonNode publicModel(String id) {
        JsonNode list = JSON.readTree(SignedRequests.get(client, proof, "/api/v1/models")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        return list.get("data")
                .valueStream()
                .filter(m -> m.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("model " + id + " not listed"));
    }

    private List<String> publicModelIds() {
        JsonNode list = JSON.readTree(SignedRequests.get(client, proof, "/api/v1/models")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        return list.get("data").valueStream().map(m -> m.get("id").asString()).toList();
    }
}
