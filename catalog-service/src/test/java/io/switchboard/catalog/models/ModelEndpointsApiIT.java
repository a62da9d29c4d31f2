package io.switchboard.catalog.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.switchboard.catalog.CatalogTestSupport;
import io.switchboard.catalog.SignedRequests;
import io.switchboard.catalog.store.CatalogStore;
import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.stats.StatsFields;
import io.switchboard.stats.StatsIncrements;
import io.switchboard.testsupport.contract.OpenRouterContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class ModelEndpointsApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SMALL_4 = "/api/v1/models/mistralai/mistral-small-2603/endpoints";

    @Autowired
    private WebTestClient client;
    @Autowired
    private IdentityProof proof;
    @Autowired
    private CatalogStore store;
    @Autowired
    private ReactiveStringRedisTemplate redis;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CatalogTestSupport.properties(registry);
    }

    @BeforeEach
    void catalogLoaded() {
        CatalogTestSupport.awaitLoaded(store);
    }

    @Test
    void shouldListEveryModelsEndpointsInOpenRoutersShape() {
        for (String model : List.of("mistralai/mistral-small-2603", "mistralai/mistral-small-3.1-24b-instruct",
                "mistralai/mistral-7b-instruct-v0.2", "mistralai/mistral-small", "openai/gpt-4o-mini",
                "anthropic/claude-3.5-haiku", "google/gemini-2.0-flash-001", "meta-llama/llama-3.1-8b-instruct")) {
            OpenRouterContract.assertConformsToResponse("/models/{author}/{slug}/endpoints", "get", 200,
                    endpoints("/api/v1/models/" + model + "/endpoints"));
        }
    }

    @Test
    void shouldDescribeTheModelAndEachEndpointCheapestFirst() {
        JsonNode data = JSON.readTree(endpoints(SMALL_4)).get("data");

        assertThat(data.get("id").asString()).isEqualTo("mistralai/mistral-small-2603");
        assertThat(data.get("name").asString()).isEqualTo("Mistral: Mistral Small 4");
        assertThat(data.at("/architecture/tokenizer").asString()).isEqualTo("Mistral");
        assertThat(data.get("endpoints").valueStream().map(e -> e.get("provider_name").asString()))
                .containsExactly("Mistral", "DeepInfra", "Together");
        JsonNode mistral = data.at("/endpoints/0");
        assertThat(mistral.get("name").asString()).isEqualTo("Mistral | mistralai/mistral-small-2603");
        assertThat(mistral.get("model_id").asString()).isEqualTo("mistralai/mistral-small-2603");
        assertThat(mistral.at("/pricing/prompt").asString()).isEqualTo("0.00000015");
        assertThat(mistral.at("/pricing/completion").asString()).isEqualTo("0.0000006");
        assertThat(mistral.get("context_length").asLong()).isEqualTo(262144);
        assertThat(mistral.get("tag").asString()).isEqualTo("mistral");
        assertThat(mistral.get("quantization").asString()).isEqualTo("unknown");
        assertThat(mistral.get("status").asInt()).isZero();
        assertThat(data.at("/endpoints/1/quantization").asString()).isEqualTo("fp8");
    }

    @Test
    void shouldShowNoStatisticsWhereRoutingHasMeasuredNothing() {
        JsonNode together = JSON.readTree(endpoints(SMALL_4)).at("/data/endpoints/2");

        assertThat(together.get("provider_name").asString()).isEqualTo("Together");
        for (String field : List.of("uptime_last_5m", "uptime_last_30m", "uptime_last_1d", "latency_last_30m",
                "throughput_last_30m")) {
            assertThat(together.has(field)).as(field).isTrue();
            assertThat(together.get(field).isNull()).as(field).isTrue();
        }
    }

    @Test
    void shouldShowTheFiguresOfTheAttemptsRoutingCounted() {
        String mistral = "mistral:mistralai/mistral-small-2603";
        long now = StatsFields.epochMinute(System.currentTimeMillis());
        List<Map<String, Long>> attempts = new ArrayList<>();
        // Ten minutes ago: 20 served after 600 ms (400 tokens in 2 s) and 5 refused as the request's fault.
        for (int i = 0; i < 20; i++) {
            attempts.add(StatsIncrements.served(now - 10, Duration.ofMillis(600), false, 400L, Duration.ofSeconds(2)));
        }
        for (int i = 0; i < 5; i++) {
            attempts.add(StatsIncrements.failed(now - 10, false));
        }
        // This minute: 20 served after 200 ms (100 tokens in 2 s) and 5 provider failures.
        for (int i = 0; i < 20; i++) {
            attempts.add(StatsIncrements.served(now, Duration.ofMillis(200), false, 100L, Duration.ofSeconds(2)));
        }
        for (int i = 0; i < 5; i++) {
            attempts.add(StatsIncrements.failed(now, true));
        }
        countAsRoutingDoes(mistral, attempts);

        String body = endpoints(SMALL_4);

        OpenRouterContract.assertConformsToResponse("/models/{author}/{slug}/endpoints", "get", 200, body);
        JsonNode endpoint = JSON.readTree(body).at("/data/endpoints/0");
        assertThat(endpoint.get("provider_name").asString()).isEqualTo("Mistral");
        // Whichever minute the request lands in, both minutes are in the last 30 minutes, only this one in the last 5.
        assertThat(endpoint.get("uptime_last_5m").asDouble()).isEqualTo(80.0);
        assertThat(endpoint.get("uptime_last_30m").asDouble()).isEqualTo(90.0);
        assertThat(endpoint.get("uptime_last_1d").isNull()).isTrue();
        // Time to first byte: 20 in (100, 250] ms, 20 in (500, 750] ms.
        assertPercentiles(endpoint.get("latency_last_30m"), 250, 625, 700, 745);
        // Tokens per second: 20 in (40, 50], 20 in (150, 200]; OpenRouter's p99 is the slowest 1%.
        assertPercentiles(endpoint.get("throughput_last_30m"), 50, 45, 42, 40.2);
        assertThat(JSON.readTree(body).at("/data/endpoints/1/uptime_last_30m").isNull()).isTrue();
    }

    @Test
    void shouldMarkImplicitCachingWhereOnlyCacheReadsArePriced() {
        JsonNode gpt = JSON.readTree(endpoints("/api/v1/models/openai/gpt-4o-mini/endpoints")).at("/data/endpoints/0");
        JsonNode haiku = JSON.readTree(endpoints("/api/v1/models/anthropic/claude-3.5-haiku/endpoints"))
                .at("/data/endpoints/0");

        assertThat(gpt.get("supports_implicit_caching").asBoolean()).isTrue();
        assertThat(gpt.at("/pricing/input_cache_read").asString()).isEqualTo("0.000000075");
        assertThat(haiku.get("supports_implicit_caching").asBoolean()).isFalse();
    }

    @Test
    void shouldSayWhichToolChoicesAnEndpointTakes() {
        JsonNode small4 = JSON.readTree(endpoints(SMALL_4)).at("/data/endpoints/0/supports_tool_choice");
        JsonNode mistral7b = JSON.readTree(endpoints("/api/v1/models/mistralai/mistral-7b-instruct-v0.2/endpoints"))
                .at("/data/endpoints/0/supports_tool_choice");

        assertThat(small4.properties()).extracting(Map.Entry::getKey)
                .containsExactly("auto", "function", "none",
                        "required");
        assertThat(small4.valueStream()).allSatisfy(value -> assertThat(value.asBoolean()).isTrue());
        assertThat(mistral7b.valueStream()).hasSize(4).allSatisfy(value -> assertThat(value.asBoolean()).isFalse());
    }

    @Test
    void shouldLeaveOutDisabledEndpointsAndTheirProviders() {
        SignedRequests.asOperator(client, proof, HttpMethod.POST,
                "/api/v1/admin/catalog/endpoints/deepinfra/mistralai/mistral-7b-instruct-v0.2/disable", null)
                .expectStatus()
                .isOk();

        JsonNode endpoints = JSON.readTree(endpoints("/api/v1/models/mistralai/mistral-7b-instruct-v0.2/endpoints"))
                .at("/data/endpoints");

        assertThat(endpoints.valueStream().map(e -> e.get("provider_name").asString())).containsExactly("Together");
    }

    @Test
    void shouldNeverRevealHowProvidersAreReached() {
        String body = endpoints(SMALL_4);

        assertThat(body).doesNotContain("credential")
                .doesNotContain("API_KEY")
                .doesNotContain("base_url")
                .doesNotContain("https://");
    }

    @Test
    void shouldAnswer404ForAModelNotInTheCatalog() {
        String body = SignedRequests.get(client, proof, "/api/v1/models/nobody/nothing/endpoints")
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        OpenRouterContract.assertConforms("NotFoundResponse", body);
    }

    /** Adds the attempts' counts to the endpoint's statistics hash as routing-service's flusher does: HINCRBY. */
    private void countAsRoutingDoes(String endpointId, List<Map<String, Long>> attempts) {
        String key = StatsFields.statsKey(endpointId);
        StepVerifier.create(redis.delete(key)
                .thenMany(Flux.fromIterable(attempts)
                        .concatMapIterable(Map::entrySet)
                        .concatMap(count -> redis.<String, String>opsForHash()
                                .increment(key, count.getKey(), count.getValue())))
                .then())
                .expectComplete()
                .verify(Duration.ofSeconds(30));
    }

    private static void assertPercentiles(JsonNode percentiles, double p50, double p75, double p90, double p99) {
        assertThat(percentiles.properties()).extracting(Map.Entry::getKey).containsExactly("p50", "p75", "p90", "p99");
        assertThat(new double[]{percentiles.get("p50").asDouble(), percentiles.get("p75").asDouble(),
                percentiles.get("p90").asDouble(), percentiles.get("p99").asDouble()})
                .containsExactly(new double[]{p50, p75, p90, p99}, within(1e-9));
    }

    private String endpoints(String path) {
        return SignedRequests.get(client, proof, path)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
