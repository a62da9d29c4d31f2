package io.switchboard.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.auth.ApiKeys;
import io.switchboard.gateway.support.GatewayTest;
import io.switchboard.gateway.support.KeyRecords;
import io.switchboard.gateway.support.TestCatalog;
import io.switchboard.kit.identity.Role;
import io.switchboard.ledger.KeyLimit;
import io.switchboard.ledger.LimitReset;
import io.switchboard.ledger.Settlement;
import io.switchboard.testsupport.contract.OpenRouterContract;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class KeysApiIT extends GatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldDescribeTheCallingKeyInTheContractsShapeWithUsageFromTheLedger() {
        String tenant = newTenantId();
        String key = newKey(tenant, Role.USER, KeyRecords.limit(new KeyLimit(5_000_000_000L, LimitReset.MONTHLY)));
        StepVerifier.create(ledger.settle(new Settlement(tenant, ApiKeys.hash(key), "req-1", "gen-1",
                1_250_000_000L, clock.instant()))).expectNext(true).verifyComplete();

        String body = call(HttpMethod.GET, "/api/v1/key", key, null, 200);

        OpenRouterContract.assertConformsToResponse("/key", "get", 200, body);
        JsonNode data = JSON.readTree(body).get("data");
        assertThat(data.get("label").asString()).isEqualTo(ApiKeys.label(key)).doesNotContain(key.substring(12));
        assertThat(data.get("usage").decimalValue()).isEqualByComparingTo("1.25");
        assertThat(data.get("usage_monthly").decimalValue()).isEqualByComparingTo("1.25");
        assertThat(data.get("limit").decimalValue()).isEqualByComparingTo("5");
        assertThat(data.get("limit_remaining").decimalValue()).isEqualByComparingTo("3.75");
        assertThat(data.get("limit_reset").asString()).isEqualTo("monthly");
        assertThat(data.get("is_management_key").asBoolean()).isFalse();
        assertThat(data.get("rate_limit").get("requests").asLong()).isEqualTo(600);
    }

    @Test
    void shouldAlsoAnswerTheFieldsTheCurrentOpenRouterSdkRequires() {
        String tenant = newTenantId();
        String manager = newKey(tenant, Role.MANAGER, k -> k);

        JsonNode self = JSON.readTree(call(HttpMethod.GET, "/api/v1/key", manager, null, 200)).get("data");
        JsonNode created = JSON.readTree(call(HttpMethod.POST, "/api/v1/keys", manager, "{\"name\":\"sdk\"}", 201));

        assertThat(self.get("allowed_data_regions").valueStream().map(JsonNode::asString)).containsExactly("global");
        assertThat(self.at("/free_model_daily_requests/limit").isIntegralNumber()).isTrue();
        assertThat(self.has("organization_id")).isTrue();
        assertThat(self.get("workspace_id").asString()).isEqualTo(tenant);
        assertThat(created.at("/data").has("external_user")).isTrue();
    }

    @Test
    void shouldSayAManagementKeyIsOne() {
        String body = call(HttpMethod.GET, "/api/v1/key", newKey(Role.MANAGER), null, 200);

        OpenRouterContract.assertConformsToResponse("/key", "get", 200, body);
        assertThat(JSON.readTree(body).at("/data/is_management_key").asBoolean()).isTrue();
    }

    @Test
    void shouldCreateAKeyShowingItsPlaintextOnlyOnceAndTheKeyWorks() {
        String manager = newKey(Role.MANAGER);

        String created = call(HttpMethod.POST, "/api/v1/keys", manager,
                "{\"name\":\"Production\",\"limit\":10,\"limit_reset\":\"daily\",\"expires_at\":null,"
                        + "\"rate_limits\":{\"requests_per_minute\":30},\"allowed_models\":[\"test/cheap\"],"
                        + "\"some_future_field\":1}",
                201);

        OpenRouterContract.assertConformsToResponse("/keys", "post", 201, created);
        JsonNode json = JSON.readTree(created);
        String plaintext = json.get("key").asString();
        String hash = json.at("/data/hash").asString();
        assertThat(ApiKeys.looksValid(plaintext)).isTrue();
        assertThat(hash).isEqualTo(ApiKeys.hash(plaintext));
        assertThat(json.at("/data/limit").decimalValue()).isEqualByComparingTo("10");
        assertThat(json.at("/data/limit_reset").asString()).isEqualTo("daily");
        assertThat(json.at("/data/rate_limits/requests_per_minute").asLong()).isEqualTo(30);
        assertThat(json.at("/data/allowed_models/0").asString()).isEqualTo("test/cheap");
        String fetched = call(HttpMethod.GET, "/api/v1/keys/" + hash, manager, null, 200);
        OpenRouterContract.assertConformsToResponse("/keys/{hash}", "get", 200, fetched);
        assertThat(fetched).doesNotContain(plaintext);
        String listed = call(HttpMethod.GET, "/api/v1/keys", manager, null, 200);
        assertThat(listed).doesNotContain(plaintext);
        call(HttpMethod.GET, "/api/v1/key", plaintext, null, 200);
    }

    @Test
    void shouldListOnlyTheCallersTenantsKeysNewestFirstWithoutDisabledOnesUnlessAsked() {
        String tenant = newTenantId();
        String manager = newKey(tenant, Role.MANAGER, k -> k);
        String first = newKey(tenant, Role.USER, k -> k);
        clock.advance(java.time.Duration.ofSeconds(1));
        String off = newKey(tenant, Role.USER, KeyRecords.disabled());
        clock.advance(java.time.Duration.ofSeconds(1));
        String last = newKey(tenant, Role.USER, k -> k);
        newKey(Role.USER);

        String active = call(HttpMethod.GET, "/api/v1/keys", manager, null, 200);
        String all = call(HttpMethod.GET, "/api/v1/keys?include_disabled=true", manager, null, 200);
        String skipped = call(HttpMethod.GET, "/api/v1/keys?include_disabled=true&offset=1", manager, null, 200);

        OpenRouterContract.assertConformsToResponse("/keys", "get", 200, all);
        assertThat(hashes(active)).containsExactly(ApiKeys.hash(last), ApiKeys.hash(first));
        assertThat(hashes(all)).containsExactly(ApiKeys.hash(last), ApiKeys.hash(off), ApiKeys.hash(first));
        assertThat(hashes(skipped)).containsExactly(ApiKeys.hash(off), ApiKeys.hash(first));
    }

    @Test
    void shouldPatchOnlyTheGivenFieldsAndDisableTheKeyAtOnce() {
        String tenant = newTenantId();
        String manager = newKey(tenant, Role.MANAGER, k -> k);
        String key = newKey(tenant, Role.USER, KeyRecords.limit(new KeyLimit(1_000_000_000L, LimitReset.WEEKLY)));
        call(HttpMethod.GET, "/api/v1/key", key, null, 200);

        String patched = call(HttpMethod.PATCH, "/api/v1/keys/" + ApiKeys.hash(key), manager,
                "{\"disabled\":true,\"name\":\"Renamed\"}", 200);

        OpenRouterContract.assertConformsToResponse("/keys/{hash}", "patch", 200, patched);
        JsonNode data = JSON.readTree(patched).get("data");
        assertThat(data.get("disabled").asBoolean()).isTrue();
        assertThat(data.get("name").asString()).isEqualTo("Renamed");
        assertThat(data.get("limit").decimalValue()).isEqualByComparingTo("1");
        assertThat(data.get("limit_reset").asString()).isEqualTo("weekly");
        assertThat(data.get("updated_at").isNull()).isFalse();
        call(HttpMethod.GET, "/api/v1/key", key, null, 401);
    }

    @Test
    void shouldRemoveALimitPatchedToNull() {
        String tenant = newTenantId();
        String manager = newKey(tenant, Role.MANAGER, k -> k);
        String key = newKey(tenant, Role.USER, KeyRecords.limit(new KeyLimit(1_000_000_000L, LimitReset.DAILY)));

        String patched = call(HttpMethod.PATCH, "/api/v1/keys/" + ApiKeys.hash(key), manager, "{\"limit\":null}",
                200);

        assertThat(JSON.readTree(patched).at("/data/limit").isNull()).isTrue();
        assertThat(JSON.readTree(patched).at("/data/limit_remaining").isNull()).isTrue();
    }

    @Test
    void shouldDeleteAKeySoItStopsWorking() {
        String tenant = newTenantId();
        String manager = newKey(tenant, Role.MANAGER, k -> k);
        String key = newKey(tenant, Role.USER, k -> k);
        call(HttpMethod.GET, "/api/v1/key", key, null, 200);

        String deleted = call(HttpMethod.DELETE, "/api/v1/keys/" + ApiKeys.hash(key), manager, null, 200);

        OpenRouterContract.assertConformsToResponse("/keys/{hash}", "delete", 200, deleted);
        call(HttpMethod.GET, "/api/v1/key", key, null, 401);
        String again = call(HttpMethod.DELETE, "/api/v1/keys/" + ApiKeys.hash(key), manager, null, 404);
        OpenRouterContract.assertConforms("NotFoundResponse", again);
    }

    @Test
    void shouldNotLetAManagerOfOneTenantSeeOrChangeAnotherTenantsKeys() {
        String managerA = newKey(Role.MANAGER);
        String tenantB = newTenantId();
        String keyB = newKey(tenantB, Role.USER, k -> k);
        String managerB = newKey(tenantB, Role.MANAGER, k -> k);
        String hashB = ApiKeys.hash(keyB);

        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.PATCH, HttpMethod.DELETE)) {
            String body = call(method, "/api/v1/keys/" + hashB, managerA, method == HttpMethod.PATCH
                    ? "{\"disabled\":true}"
                    : null, 404);
            OpenRouterContract.assertConforms("NotFoundResponse", body);
        }
        assertThat(hashes(call(HttpMethod.GET, "/api/v1/keys?include_disabled=true", managerA, null, 200)))
                .isEmpty();
        // Nor a tenant's own management key through the inference keys API.
        call(HttpMethod.DELETE, "/api/v1/keys/" + ApiKeys.hash(managerB), managerB, null, 404);
        call(HttpMethod.GET, "/api/v1/key", keyB, null, 200);
    }

    @Test
    void shouldRefuseKeyManagementToInferenceAndOperatorKeys() {
        for (String key : List.of(newKey(Role.USER), OPERATOR_KEY)) {
            String body = call(HttpMethod.POST, "/api/v1/keys", key, "{\"name\":\"x\"}", 403);
            OpenRouterContract.assertConforms("ForbiddenResponse", body);
            call(HttpMethod.GET, "/api/v1/keys", key, null, 403);
        }
    }

    @Test
    void shouldRefuseInvalidKeySettingsWith400NamingTheField() {
        String manager = newKey(Role.MANAGER);

        for (String[] invalid : new String[][]{{"{}", "name"}, {"{\"name\":\"\"}", "name"},
                {"{\"name\":\"x\",\"limit\":-1}", "limit"}, {"{\"name\":\"x\",\"limit\":\"ten\"}", "limit"},
                {"{\"name\":\"x\",\"limit_reset\":\"hourly\"}", "limit_reset"},
                {"{\"name\":\"x\",\"expires_at\":\"tomorrow\"}", "expires_at"},
                {"{\"name\":\"x\",\"expires_at\":\"2001-01-01T00:00:00Z\"}", "expires_at"},
                {"{\"name\":\"x\",\"rate_limits\":{\"requests_per_minute\":0}}", "requests_per_minute"},
                {"{\"name\":\"x\",\"allowed_models\":[\"a b\"]}", "allowed_models"}, {"[]", "object"}}) {
            var result = web.post()
                    .uri("/api/v1/keys")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + manager)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(invalid[0])
                    .exchange()
                    .expectBody(String.class)
                    .returnResult();
            assertThat(result.getStatus().value()).as(invalid[0]).isEqualTo(400);
            String body = result.getResponseBody();
            OpenRouterContract.assertConforms("BadRequestResponse", body);
            assertThat(JSON.readTree(body).at("/error/message").asString()).contains(invalid[1]);
        }
    }

    @Test
    void shouldRefuseInferenceWithAManagementKey() {
        String tenant = newTenantId();
        String manager = newKey(tenant, Role.MANAGER, k -> k);
        topUp(tenant, 1_000_000_000L);

        String body = call(HttpMethod.POST, "/api/v1/chat/completions", manager, chat(TestCatalog.CHEAP, 5), 403);

        OpenRouterContract.assertConforms("ForbiddenResponse", body);
    }

    @Test
    void shouldAnswerAWrongMethodOnAKeysPathWith405AndAllow() {
        String manager = newKey(Role.MANAGER);

        web.put()
                .uri("/api/v1/keys")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + manager)
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .value(HttpHeaders.ALLOW, allow -> assertThat(allow).contains("GET").contains("POST"));
    }

    private List<String> hashes(String listBody) {
        return JSON.readTree(listBody).get("data").valueStream().map(key -> key.get("hash").asString()).toList();
    }

    private String call(HttpMethod method, String uri, String key, String body, int status) {
        var request = web.method(method).uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
        var exchange = body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        return exchange.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .exists("X-Request-Id")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
