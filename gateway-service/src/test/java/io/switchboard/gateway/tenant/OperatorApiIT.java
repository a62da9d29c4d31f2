package io.switchboard.gateway.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.auth.ApiKeys;
import io.switchboard.gateway.support.GatewayTest;
import io.switchboard.gateway.support.TestCatalog;
import io.switchboard.kit.identity.IdentityHeaders;
import io.switchboard.kit.identity.Role;
import io.switchboard.testsupport.contract.OpenRouterContract;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OperatorApiIT extends GatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldCreateATenantWithAWorkingManagementKey() {
        String id = newTenantId();

        JsonNode created = JSON.readTree(call(HttpMethod.POST, "/api/v1/admin/tenants", OPERATOR_KEY,
                "{\"id\":\"" + id + "\",\"name\":\"Acme Corp\"}", 201));

        assertThat(created.at("/data/id").asString()).isEqualTo(id);
        assertThat(created.at("/data/name").asString()).isEqualTo("Acme Corp");
        String management = created.at("/management_key/key").asString();
        assertThat(created.at("/management_key/data/hash").asString()).isEqualTo(ApiKeys.hash(management));
        JsonNode self = JSON.readTree(call(HttpMethod.GET, "/api/v1/key", management, null, 200));
        assertThat(self.at("/data/is_management_key").asBoolean()).isTrue();
        JsonNode key = JSON.readTree(call(HttpMethod.POST, "/api/v1/keys", management, "{\"name\":\"app\"}", 201));
        assertThat(key.at("/data/workspace_id").asString()).isEqualTo(id);
        assertThat(call(HttpMethod.GET, "/api/v1/admin/tenants/" + id, OPERATOR_KEY, null, 200)).contains(id);
        assertThat(call(HttpMethod.GET, "/api/v1/admin/tenants", OPERATOR_KEY, null, 200)).contains(id);
    }

    @Test
    void shouldRefuseATenantIdThatIsTakenWith409() {
        String id = newTenantId();
        call(HttpMethod.POST, "/api/v1/admin/tenants", OPERATOR_KEY, "{\"id\":\"" + id + "\"}", 201);

        String body = call(HttpMethod.POST, "/api/v1/admin/tenants", OPERATOR_KEY, "{\"id\":\"" + id + "\"}", 409);

        OpenRouterContract.assertConforms("ConflictResponse", body);
    }

    @Test
    void shouldRefuseInvalidTenantIdsWith400() {
        for (String id : List.of("\"\"", "\"Upper\"", "\"_operator\"", "\"a{b}\"", "42", "null",
                "\"" + "x".repeat(64) + "\"")) {
            String body = call(HttpMethod.POST, "/api/v1/admin/tenants", OPERATOR_KEY, "{\"id\":" + id + "}", 400);
            OpenRouterContract.assertConforms("BadRequestResponse", body);
        }
    }

    @Test
    void shouldCreateListAndRevokeManagementKeys() {
        String id = newTenantId();
        call(HttpMethod.POST, "/api/v1/admin/tenants", OPERATOR_KEY, "{\"id\":\"" + id + "\"}", 201);

        JsonNode second = JSON.readTree(call(HttpMethod.POST, "/api/v1/admin/tenants/" + id + "/keys",
                OPERATOR_KEY, "{\"name\":\"CI\"}", 201));
        String key = second.get("key").asString();
        String hash = second.at("/data/hash").asString();
        JsonNode listed = JSON.readTree(call(HttpMethod.GET, "/api/v1/admin/tenants/" + id + "/keys", OPERATOR_KEY,
                null, 200));

        assertThat(listed.get("data").valueStream().map(k -> k.get("hash").asString())).hasSize(2).contains(hash);
        call(HttpMethod.GET, "/api/v1/keys", key, null, 200);
        call(HttpMethod.DELETE, "/api/v1/admin/tenants/" + id + "/keys/" + hash, OPERATOR_KEY, null, 200);
        call(HttpMethod.GET, "/api/v1/keys", key, null, 401);
        call(HttpMethod.DELETE, "/api/v1/admin/tenants/" + id + "/keys/" + hash, OPERATOR_KEY, null, 404);
    }

    @Test
    void shouldNotLetAnOperatorRevokeAnotherTenantsKeyThroughTheWrongTenant() {
        String a = newTenantId();
        String b = newTenantId();
        call(HttpMethod.POST, "/api/v1/admin/tenants", OPERATOR_KEY, "{\"id\":\"" + a + "\"}", 201);
        String keyB = JSON.readTree(call(HttpMethod.POST, "/api/v1/admin/tenants", OPERATOR_KEY,
                "{\"id\":\"" + b + "\"}", 201)).at("/management_key/key").asString();

        call(HttpMethod.DELETE, "/api/v1/admin/tenants/" + a + "/keys/" + ApiKeys.hash(keyB), OPERATOR_KEY, null,
                404);

        call(HttpMethod.GET, "/api/v1/keys", keyB, null, 200);
    }

    @Test
    void shouldRefuseTheOperatorApiAndAdminRoutesToOtherKeys() {
        for (String key : List.of(newKey(Role.USER), newKey(Role.MANAGER))) {
            for (String[] request : new String[][]{{"GET", "/api/v1/admin/tenants"},
                    {"POST", "/api/v1/admin/credits"}, {"GET", "/api/v1/admin/catalog/models"}}) {
                String marker = IDS.next("m-", 10);
                String body = web.method(HttpMethod.valueOf(request[0]))
                        .uri(request[1])
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                        .header("X-Test-Marker", marker)
                        .exchange()
                        .expectStatus()
                        .isForbidden()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
                OpenRouterContract.assertConforms("ForbiddenResponse", body);
                assertThat(UPSTREAM.count("X-Test-Marker", marker)).isZero();
            }
        }
    }

    @Test
    void shouldForwardAdminRoutesWithTheOperatorsSignedRole() {
        web.post()
                .uri("/api/v1/admin/credits")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"tenant\":\"acme\",\"amount\":\"10\"}")
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(UPSTREAM.lastPath).isEqualTo("/api/v1/admin/credits");
        assertThat(UPSTREAM.lastHeaders.get(IdentityHeaders.ROLE)).isEqualTo("OPERATOR");
    }

    @Test
    void shouldNotLetTheOperatorKeyRunCompletions() {
        String body = call(HttpMethod.POST, "/api/v1/chat/completions", OPERATOR_KEY, chat(TestCatalog.CHEAP, 5),
                403);

        OpenRouterContract.assertConforms("ForbiddenResponse", body);
    }

    private String call(HttpMethod method, String uri, String key, String body, int status) {
        var request = web.method(method).uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
        var exchange = body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        return exchange.expectStatus()
                .isEqualTo(status)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
