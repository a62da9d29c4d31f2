package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.switchboard.localstack.LocalStack;
import io.switchboard.testsupport.contract.OpenRouterContract;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole cluster as separate processes on real Redis and Kafka, driven through the gateway by the official OpenAI
 * Java SDK, as a tenant's application would.
 */
@ExtendWith(SharedCluster.class)
class ClusterEndToEndIT {

    private static final String MODEL = "mistralai/mistral-small-2603";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalStack stack;
    private static OpenAIClient openai;

    @BeforeAll
    static void startCluster() {
        stack = SharedCluster.stack();
        openai = OpenAIOkHttpClient.builder().baseUrl(stack.baseUrl()).apiKey(stack.demoKey()).maxRetries(0).build();
    }

    @Test
    void shouldAnswerANonStreamedCompletionInOpenRoutersShape() {
        ChatCompletion completion = openai.chat()
                .completions()
                .create(ChatCompletionCreateParams.builder()
                        .model(MODEL)
                        .addUserMessage("echo: Hello from Switchboard")
                        // Default routing is price-weighted at random; name the provider to know its price.
                        .putAdditionalBodyProperty("provider", JsonValue.from(Map.of("order", List.of("mistral"))))
                        .build());

        assertThat(completion.id()).startsWith("gen-");
        assertThat(completion.model()).isEqualTo(MODEL);
        assertThat(completion.choices().getFirst().message().content()).contains("Hello from Switchboard");
        assertThat(completion._additionalProperties().get("provider")).isEqualTo(JsonValue.from("Mistral"));
        var usage = completion.usage().orElseThrow();
        BigDecimal cost = new BigDecimal(usage._additionalProperties().get("cost").toString());
        // Mistral's endpoint, the cheapest: $0.15 / $0.60 per million tokens.
        assertThat(cost).isEqualByComparingTo(new BigDecimal("0.00000015").multiply(
                BigDecimal.valueOf(usage.promptTokens()))
                .add(new BigDecimal("0.0000006").multiply(
                        BigDecimal.valueOf(usage.completionTokens()))));
    }

    @Test
    void shouldStreamChunksAsTheyAreGeneratedAndRecordTheGeneration() throws Exception {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        List<JsonNode> upstreamAtFirstContent = new ArrayList<>();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(MODEL)
                .addUserMessage("Tell me something")
                .putAdditionalBodyProperty("provider", JsonValue.from(Map.of("order", List.of("mistral"),
                        "allow_fallbacks", false)))
                // 20 tokens 200 ms apart: the provider is still generating for seconds after the first one
                .putAdditionalBodyProperty("simulator", JsonValue.from(Map.of("tokens_per_second", 5,
                        "reply_tokens", 20)))
                .build();
        try (StreamResponse<ChatCompletionChunk> stream = openai.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunk -> {
                chunks.add(chunk);
                boolean content = !chunk.choices().isEmpty()
                        && !chunk.choices().getFirst().delta().content().orElse("").isEmpty();
                if (content && upstreamAtFirstContent.isEmpty()) {
                    upstreamAtFirstContent.add(simulatorTraffic("mistral"));
                }
            });
        }

        // Nothing on the way buffered the stream: the first token reached the client while the provider was still
        // generating the rest.
        assertThat(upstreamAtFirstContent.getFirst().get("in_flight").asLong()).isPositive();
        assertThat(chunks.stream()
                .filter(c -> !c.choices().isEmpty()
                        && !c.choices().getFirst().delta().content().orElse("").isEmpty()))
                .hasSize(20);
        List<ChatCompletionChunk> withUsage = chunks.stream().filter(c -> c.usage().isPresent()).toList();
        assertThat(withUsage).hasSize(1);
        assertThat(chunks.getLast()).isSameAs(withUsage.getFirst());
        String generationId = chunks.getFirst().id();
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.id()).isEqualTo(generationId));
        var usage = withUsage.getFirst().usage().orElseThrow();
        assertThat(usage.completionTokens()).isEqualTo(20);

        JsonNode generation = awaitGeneration(generationId);
        assertThat(generation.at("/data/id").asString()).isEqualTo(generationId);
        assertThat(generation.at("/data/streamed").asBoolean()).isTrue();
        assertThat(generation.at("/data/tokens_prompt").asLong()).isEqualTo(usage.promptTokens());
        assertThat(generation.at("/data/tokens_completion").asLong()).isEqualTo(usage.completionTokens());
        assertThat(generation.at("/data/total_cost").decimalValue()).isEqualByComparingTo(
                new BigDecimal(usage._additionalProperties().get("cost").toString()));
    }

    @Test
    void shouldListModelsInOpenRoutersSchema() throws Exception {
        HttpResponse<String> response = get("/models", stack.demoKey());

        assertThat(response.statusCode()).isEqualTo(200);
        OpenRouterContract.assertConforms("ModelsListResponse", response.body());
        assertThat(JSON.readTree(response.body()).get("data").valueStream().map(m -> m.get("id").asString()))
                .contains(MODEL, "mistralai/mistral-7b-instruct-v0.2");
    }

    @Test
    void shouldRefuseAWrongOrMissingKeyWith401InOpenRoutersErrorJson() throws Exception {
        HttpResponse<String> wrongKey = get("/models", "sk-sb-v1-thisKeyDoesNotExist000000000000");
        HttpResponse<String> noKey = get("/models", null);

        assertThat(wrongKey.statusCode()).isEqualTo(401);
        OpenRouterContract.assertConforms("UnauthorizedResponse", wrongKey.body());
        assertThat(noKey.statusCode()).isEqualTo(401);
        OpenRouterContract.assertConforms("UnauthorizedResponse", noKey.body());
        OpenAIClient intruder = OpenAIOkHttpClient.builder()
                .baseUrl(stack.baseUrl())
                .apiKey("sk-sb-v1-thisKeyDoesNotExist000000000000")
                .maxRetries(0)
                .build();
        assertThatThrownBy(() -> intruder.chat()
                .completions()
                .create(ChatCompletionCreateParams.builder()
                        .model(MODEL)
                        .addUserMessage("hi")
                        .build()))
                .isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void shouldIgnoreInternalIdentityHeadersSentByAClient() throws Exception {
        HttpRequest spoofed = HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/models"))
                .header("X-Switchboard-Tenant", "someone-else")
                .header("X-Switchboard-Signature", "forged")
                .GET()
                .build();

        assertThat(HTTP.send(spoofed, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    private static JsonNode awaitGeneration(String id) {
        JsonNode[] found = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> response = get("/generation?id=" + id, stack.demoKey());
            if (response.statusCode() != 200) {
                return false;
            }
            OpenRouterContract.assertConforms("GenerationResponse", response.body());
            found[0] = JSON.readTree(response.body());
            return true;
        });
        return found[0];
    }

    /** The simulator's traffic counters for one provider prefix. */
    private static JsonNode simulatorTraffic(String prefix) {
        try {
            HttpRequest request = HttpRequest.newBuilder(
                    stack.service("provider-simulator").url().resolve("/_simulator/stats/" + prefix)).GET().build();
            return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.baseUrl() + path)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
