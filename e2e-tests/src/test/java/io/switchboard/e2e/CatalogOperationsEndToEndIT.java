package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.kit.identity.Role;
import io.switchboard.localstack.LocalStack;
import io.switchboard.localstack.LocalStackOptions;
import io.switchboard.testsupport.contract.OpenRouterContract;
import io.switchboard.testsupport.infra.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Catalog operations on the whole cluster: the catalog read through the gateway in OpenRouter's shapes, an operator
 * adding a provider that serves requests within a second, and the statistics routing-service measures of an endpoint
 * shown by catalog-service's endpoints view. Operator calls go straight to catalog-service, signed with an operator
 * identity as the gateway would sign them for an operator key.
 */
class CatalogOperationsEndToEndIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The credential variable of the provider the operator adds; the simulator takes any key. */
    private static final String ADDED_PROVIDER_KEY = "ACME_VLLM_API_KEY";

    private static LocalStack stack;
    private static OpenAIClient openai;
    private static IdentityProof proof;

    @BeforeAll
    static void startCluster() {
        LocalStackOptions options = LocalStackOptions.of(0, TestInfrastructure.redis().url(),
                TestInfrastructure.kafka().bootstrapServers(), Path.of(System.getProperty("switchboard.stack.dir")),
                // Logs of its own; catalog keys of its own, so that its edits stay out of other clusters on this Redis.
                Path.of(System.getProperty("switchboard.e2e.work.dir")).resolve("catalog-operations"),
                "e2e-" + UUID.randomUUID(), "sk-sb-v1-e2e" + UUID.randomUUID().toString().replace("-", ""))
                .withExtraProperties(Map.of(ADDED_PROVIDER_KEY, "sk-acme-local", "switchboard.catalog.redis.key-prefix",
                        "catalog-e2e-" + UUID.randomUUID() + ":"));
        stack = LocalStack.start(options);
        openai = OpenAIOkHttpClient.builder().baseUrl(stack.baseUrl()).apiKey(stack.demoKey()).maxRetries(0).build();
        proof = new IdentityProof(stack.internalSecret(), Clock.systemUTC(), Duration.ofSeconds(60));
        // A cluster's first completion loads and compiles the whole request path (and the tokenizer), which takes
        // seconds on a busy machine; the timed test is about a change reaching a cluster that is already serving.
        openai.chat()
                .completions()
                .create(ChatCompletionCreateParams.builder()
                        .model("mistralai/mistral-small-2603")
                        .addUserMessage("echo: warm up")
                        .build());
    }

    @AfterAll
    static void stopCluster() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldServeAModelOfAProviderAnOperatorAddsWithinASecond() throws Exception {
        String slug = "acme-vllm-" + UUID.randomUUID().toString().substring(0, 8);
        String model = addProviderAndModel(slug, "Acme vLLM");

        long start = System.nanoTime();
        List<String> trail = new ArrayList<>();
        addEndpoint(model, slug);
        trail.add("endpoint added after " + since(start));
        ChatCompletion completion = firstServed(model, Duration.ofSeconds(1), start, trail);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("from adding the endpoint to its first answer: %s", trail)
                .isLessThan(Duration.ofSeconds(1));
        assertThat(completion.model()).isEqualTo(model);
        assertThat(completion._additionalProperties().get("provider")).isEqualTo(JsonValue.from("Acme vLLM"));
        assertThat(completion.choices().getFirst().message().content()).contains("served by the new provider");
    }

    @Test
    void shouldReadTheCatalogThroughTheGatewayInOpenRoutersShapes() throws Exception {
        HttpResponse<String> count = get("/models/count");
        HttpResponse<String> endpoints = get("/models/mistralai/mistral-small-2603/endpoints");
        HttpResponse<String> providers = get("/providers");

        assertThat(count.statusCode()).isEqualTo(200);
        OpenRouterContract.assertConformsToResponse("/models/count", "get", 200, count.body());
        assertThat(endpoints.statusCode()).isEqualTo(200);
        OpenRouterContract.assertConformsToResponse("/models/{author}/{slug}/endpoints", "get", 200,
                endpoints.body());
        assertThat(JSON.readTree(endpoints.body()).at("/data/endpoints/0/provider_name").asString())
                .isEqualTo("Mistral");
        assertThat(providers.statusCode()).isEqualTo(200);
        OpenRouterContract.assertConformsToResponse("/providers", "get", 200, providers.body());
    }

    @Test
    void shouldShowOnTheEndpointsViewWhatRoutingMeasuredOfAnEndpoint() throws Exception {
        // An endpoint of its own, so that no other test's traffic is in its statistics.
        String slug = "acme-stats-" + UUID.randomUUID().toString().substring(0, 8);
        String model = addProviderAndModel(slug, "Acme Stats");
        addEndpoint(model, slug);
        // Every served attempt waits 600 ms for its first token, so every latency percentile lies above 500 ms (the
        // histogram bucket below 600 ms ends there); streams send 10 tokens at 20 per second.
        Map<String, Object> pace = Map.of("time_to_first_token_ms", 600, "tokens_per_second", 20, "reply_tokens", 10);

        // Served, not streamed: 404 until routing's catalog copy has the model, which no attempt counts.
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(OpenAIServiceException.class)
                .until(() -> openai.chat().completions().create(echo(model, pace)), served -> true);
        for (int i = 0; i < 3; i++) {
            try (StreamResponse<ChatCompletionChunk> stream = openai.chat()
                    .completions()
                    .createStreaming(echo(model, pace))) {
                assertThat(stream.stream().filter(chunk -> chunk.usage().isPresent()).count()).isEqualTo(1);
            }
        }
        assertThatThrownBy(() -> openai.chat()
                .completions()
                .create(echo(model, Map.of("fault",
                        Map.of("type", "http_error", "status", 500, "message", "simulated outage")))))
                .isInstanceOfSatisfying(OpenAIServiceException.class,
                        failed -> assertThat(failed.statusCode()).isGreaterThanOrEqualTo(500));

        // 5 attempts, 1 of them the provider's failure, once routing has flushed them all (every 5 s).
        JsonNode endpoint = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> modelEndpoints(model).at("/data/endpoints/0"),
                        shown -> shown.get("uptime_last_30m").asDouble() == 80.0
                                && shown.get("throughput_last_30m").isObject());
        assertThat(endpoint.get("uptime_last_5m").asDouble()).isEqualTo(80.0);
        assertThat(endpoint.get("uptime_last_1d").isNull()).isTrue();
        double[] latency = percentiles(endpoint.get("latency_last_30m"));
        assertThat(latency).isSorted();
        assertThat(latency[0]).isGreaterThan(500);
        // OpenRouter's throughput p99 is the slow tail: the lowest.
        double[] throughput = percentiles(endpoint.get("throughput_last_30m"));
        assertThat(throughput[3]).isPositive();
        assertThat(new double[]{throughput[3], throughput[2], throughput[1], throughput[0]}).isSorted();
    }

    /** The first completion served for {@code model}, asking every 20 ms; fails once {@code within} has passed. */
    private static ChatCompletion firstServed(String model, Duration within, long start, List<String> trail)
            throws InterruptedException {
        long deadline = start + within.toNanos();
        while (true) {
            try {
                ChatCompletion completion = openai.chat()
                        .completions()
                        .create(ChatCompletionCreateParams.builder()
                                .model(model)
                                .addUserMessage("echo: served by the new provider")
                                .build());
                trail.add("served after " + since(start));
                return completion;
            } catch (OpenAIServiceException notYet) {
                // 404 until routing's copy has the model.
                trail.add(notYet.statusCode() + " after " + since(start));
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Not served within " + within + ": " + trail, notYet);
                }
                Thread.sleep(20);
            }
        }
    }

    private static String since(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms";
    }

    private static JsonNode asOperator(String method, String path, String json) throws Exception {
        HttpHeaders signed = new HttpHeaders();
        proof.sign(new InternalIdentity("platform", "e2e-operator", "req-" + UUID.randomUUID(), Role.OPERATOR),
                HttpMethod.valueOf(method), path, signed);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.service("catalog-service").url() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        signed.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private static ChatCompletionCreateParams echo(String model, Map<String, Object> simulator) {
        return ChatCompletionCreateParams.builder()
                .model(model)
                .addUserMessage("echo: one two three four five six seven eight nine ten")
                .putAdditionalBodyProperty("simulator", JsonValue.from(simulator))
                .build();
    }

    /** Adds a provider the simulator plays under the prefix {@code slug}, and a model of it; the model's id. */
    private static String addProviderAndModel(String slug, String name) throws Exception {
        String model = slug + "/echo-1";
        String simulator = stack.service("provider-simulator").url().toString();
        asOperator("POST", "/api/v1/admin/catalog/providers", """
                {"slug":"%s","name":"%s","wire_format":"openai","base_url":"%s/%s/v1",
                 "credential_env":"%s","data_policy":{"training":false,"retains_prompts":false}}"""
                .formatted(slug, name, simulator, slug, ADDED_PROVIDER_KEY));
        asOperator("POST", "/api/v1/admin/catalog/models", """
                {"id":"%s","canonical_slug":"%s","name":"Acme: Echo 1","description":"An in-house model.",
                 "created":1767225600,"context_length":32768,"architecture":{"modality":"text->text",
                 "input_modalities":["text"],"output_modalities":["text"],"tokenizer":"Other"},
                 "supported_parameters":["max_tokens","temperature"]}""".formatted(model, model));
        return model;
    }

    /** Adds the provider's endpoint serving the model, which makes the model usable. */
    private static void addEndpoint(String model, String slug) throws Exception {
        asOperator("POST", "/api/v1/admin/catalog/endpoints", """
                {"model":"%s","provider":"%s","upstream_model":"echo-1","pricing":{"prompt":"0.0000001",
                 "completion":"0.0000002"},"context_length":32768,"quantization":"bf16",
                 "supported_parameters":["max_tokens","temperature"],"tag":"%s"}""".formatted(model, slug, slug));
    }

    /** Not checked against OpenRouter's schema, which allows only OpenRouter's provider names. */
    private static JsonNode modelEndpoints(String model) throws Exception {
        HttpResponse<String> response = get("/models/" + model + "/endpoints");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static double[] percentiles(JsonNode percentiles) {
        assertThat(percentiles.isObject()).as("percentiles: %s", percentiles).isTrue();
        return new double[]{percentiles.get("p50").asDouble(), percentiles.get("p75").asDouble(),
                percentiles.get("p90").asDouble(), percentiles.get("p99").asDouble()};
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + path))
                .header("Authorization", "Bearer " + stack.demoKey())
                .GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
