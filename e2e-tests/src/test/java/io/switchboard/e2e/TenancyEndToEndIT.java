package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.localstack.LocalStack;
import io.switchboard.testsupport.contract.OpenRouterContract;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tenants through the whole cluster: the operator creates two tenants, their management keys create inference keys,
 * and neither tenant can see the other's keys or generations.
 */
@ExtendWith(SharedCluster.class)
class TenancyEndToEndIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static LocalStack stack;
    private static Tenant a;
    private static Tenant b;

    private record Tenant(String id, String managementKey, String key, String keyHash) {
    }

    @BeforeAll
    static void createTwoTenants() throws Exception {
        stack = SharedCluster.stack();
        a = tenant("a-" + UUID.randomUUID().toString().substring(0, 8));
        b = tenant("b-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void shouldNotLetATenantReadAnotherTenantsGeneration() throws Exception {
        HttpResponse<String> completion = call("POST", "/chat/completions", a.key(),
                "{\"model\":\"mistralai/mistral-small-2603\",\"max_tokens\":20,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"echo: tenant a\"}]}");
        assertThat(completion.statusCode()).isEqualTo(200);
        String generation = completion.headers().firstValue("X-Generation-Id").orElseThrow();

        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> call(
                        "GET", "/generation?id=" + generation, a.key(), null).statusCode() == 200);
        HttpResponse<String> other = call("GET", "/generation?id=" + generation, b.key(), null);

        assertThat(other.statusCode()).isEqualTo(404);
        OpenRouterContract.assertConforms("NotFoundResponse", other.body());
    }

    @Test
    void shouldNotLetATenantsManagementKeySeeAnotherTenantsKeys() throws Exception {
        HttpResponse<String> foreign = call("GET", "/keys/" + b.keyHash(), a.managementKey(), null);
        HttpResponse<String> own = call("GET", "/keys", a.managementKey(), null);

        assertThat(foreign.statusCode()).isEqualTo(404);
        OpenRouterContract.assertConformsToResponse("/keys", "get", 200, own.body());
        assertThat(JSON.readTree(own.body()).get("data").valueStream().map(k -> k.get("hash").asString()))
                .containsExactly(a.keyHash());
    }

    @Test
    void shouldDescribeEachKeyToItself() throws Exception {
        HttpResponse<String> self = call("GET", "/key", b.key(), null);

        assertThat(self.statusCode()).isEqualTo(200);
        OpenRouterContract.assertConformsToResponse("/key", "get", 200, self.body());
        assertThat(JSON.readTree(self.body()).at("/data/limit").decimalValue()).isEqualByComparingTo("2");
    }

    @Test
    void shouldLetTheDemoTenantsManagementKeyListItsKeys() throws Exception {
        HttpResponse<String> keys = call("GET", "/keys", stack.demoManagementKey(), null);

        assertThat(keys.statusCode()).isEqualTo(200);
        OpenRouterContract.assertConformsToResponse("/keys", "get", 200, keys.body());
    }

    private static Tenant tenant(String id) throws Exception {
        HttpResponse<String> created = call("POST", "/admin/tenants", stack.operatorKey(), "{\"id\":\"" + id + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String management = JSON.readTree(created.body()).at("/management_key/key").asString();
        HttpResponse<String> key = call("POST", "/keys", management, "{\"name\":\"app\",\"limit\":2}");
        assertThat(key.statusCode()).isEqualTo(201);
        OpenRouterContract.assertConformsToResponse("/keys", "post", 201, key.body());
        JsonNode json = JSON.readTree(key.body());
        topUp(id);
        return new Tenant(id, management, json.get("key").asString(), json.at("/data/hash").asString());
    }

    /** Credit through the operator's top-up API (gateway, then billing): 202 while billing applies it, then 200. */
    private static void topUp(String tenant) {
        String body = "{\"tenant_id\":\"" + tenant + "\",\"id\":\"e2e-" + tenant + "\",\"amount\":\"10\"}";
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    int status = call("POST", "/admin/credits", stack.operatorKey(), body).statusCode();
                    assertThat(status).isIn(200, 202);
                    return status == 200;
                });
    }

    private static HttpResponse<String> call(String method, String path, String key, String body) throws Exception {
        return ApiCalls.call(stack, method, path, key, body);
    }
}
