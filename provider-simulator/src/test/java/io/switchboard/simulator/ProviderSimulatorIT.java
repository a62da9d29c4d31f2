package io.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.simulator.generation.GenerationMonitor;
import io.switchboard.simulator.generation.GenerationOutcome;
import io.switchboard.simulator.generation.GenerationOutcome.Status;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator over real HTTP, as routing-service and the OpenAI SDK see it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "simulator.time-to-first-token=0ms", "simulator.tokens-per-second=2000"})
@AutoConfigureWebTestClient
class ProviderSimulatorIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient client;

    @Autowired
    GenerationMonitor monitor;

    @Test
    void shouldAnswerANonStreamedCompletionIgnoringUnknownFields() {
        post("/v1/chat/completions", """
                {"model":"gpt-4o-mini","temperature":0.3,"response_format":{"type":"text"},"seed":7,
                 "messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"echo: Hi there!"}]}""")
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.id")
                .value(String.class, id -> assertThat(id).startsWith("chatcmpl-"))
                .jsonPath("$.object")
                .isEqualTo("chat.completion")
                .jsonPath("$.model")
                .isEqualTo("gpt-4o-mini")
                .jsonPath("$.system_fingerprint")
                .isEqualTo("fp_simulator")
                .jsonPath("$.choices[0].message.role")
                .isEqualTo("assistant")
                .jsonPath("$.choices[0].message.content")
                .isEqualTo("Hi there!")
                .jsonPath("$.choices[0].finish_reason")
                .isEqualTo("stop")
                .jsonPath("$.usage.completion_tokens")
                .isEqualTo(2)
                .jsonPath("$.usage.prompt_tokens")
                .isEqualTo(3 + 3 + 5 + 3)
                .jsonPath("$.usage.total_tokens")
                .isEqualTo(16);
    }

    @Test
    void shouldServeChatCompletionsUnderAnyProviderPrefix() {
        for (String path : List.of("/mistral/v1/chat/completions", "/openai/compat/v1/chat/completions")) {
            post(path, """
                    {"model":"m","messages":[{"role":"user","content":"echo: ok"}]}""")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.choices[0].message.content")
                    .isEqualTo("ok");
        }
    }

    @Test
    void shouldDeliverTheFirstEventWhileTheGenerationIsStillRunning() {
        // Ten tokens at five per second: the last is generated two seconds after the first event was sent.
        Flux<String> events = stream("""
                {"model":"m","messages":[{"role":"user","content":"Stream slowly"}],"stream":true,
                 "simulator":{"time_to_first_token_ms":0,"tokens_per_second":5,"reply_tokens":10}}""");
        AtomicReference<String> id = new AtomicReference<>();

        StepVerifier.create(events)
                .assertNext(first -> {
                    id.set(json(first).get("id").asString());
                    assertThat(monitor.isActive(id.get())).as("generation running at first event").isTrue();
                    assertThat(json(first).at("/choices/0/delta/role").asString()).isEqualTo("assistant");
                })
                .expectNextCount(10)
                .assertNext(finish -> assertThat(json(finish).at("/choices/0/finish_reason").asString())
                        .isEqualTo("stop"))
                .expectNext("[DONE]")
                .expectComplete()
                .verify(VERIFY_TIMEOUT);
        assertThat(monitor.isActive(id.get())).isFalse();
    }

    @Test
    void shouldStreamTheSameContentAsTheNonStreamedReplyAndEndWithUsageWhenAsked() {
        String request = """
                {"model":"m","messages":[{"role":"user","content":"Same either way"}]%s}""";
        String nonStreamed = contentOf(post("/v1/chat/completions", request.formatted("")).expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        Flux<String> events = stream(request.formatted(",\"stream\":true,\"stream_options\":{\"include_usage\":true}"));

        StepVerifier.create(events.collectList())
                .assertNext(all -> {
                    assertThat(all.getLast()).isEqualTo("[DONE]");
                    List<JsonNode> chunks = all.subList(0, all.size() - 1)
                            .stream()
                            .map(ProviderSimulatorIT::json)
                            .toList();
                    assertThat(chunks).extracting(chunk -> chunk.get("id").asString())
                            .containsOnly(chunks
                                    .getFirst()
                                    .get("id")
                                    .asString());
                    StringBuilder content = new StringBuilder();
                    chunks.forEach(chunk -> content.append(chunk.at("/choices/0/delta/content").asString("")));
                    assertThat(content).hasToString(nonStreamed);
                    JsonNode usage = chunks.getLast();
                    assertThat(usage.get("choices").isEmpty()).isTrue();
                    assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(24);
                })
                .expectComplete()
                .verify(VERIFY_TIMEOUT);
    }

    @Test
    void shouldStopGeneratingWhenTheClientDisconnects() {
        // A thousand tokens at twenty per second would take fifty seconds; the client leaves after three events.
        Mono<GenerationOutcome> cancelled = monitor.outcomes()
                .filter(outcome -> outcome.status() == Status.CANCELLED && outcome.tokensPlanned() == 999)
                .next();
        Flux<String> events = stream("""
                {"model":"m","messages":[{"role":"user","content":"Go on forever"}],"stream":true,
                 "simulator":{"time_to_first_token_ms":0,"tokens_per_second":20,"reply_tokens":999}}""");

        StepVerifier.create(Mono.zip(cancelled, events.take(3).collectList()))
                .assertNext(result -> {
                    GenerationOutcome outcome = result.getT1();
                    assertThat(outcome.id()).isEqualTo(json(result.getT2().getFirst()).get("id").asString());
                    assertThat(outcome.tokensEmitted()).isLessThan(999);
                    assertThat(monitor.isActive(outcome.id())).isFalse();
                })
                .expectComplete()
                .verify(VERIFY_TIMEOUT);
    }

    @Test
    void shouldApplyPerRequestOverrides() {
        post("/v1/chat/completions", """
                {"model":"m","messages":[{"role":"user","content":"Three words please"}],
                 "simulator":{"time_to_first_token_ms":1,"tokens_per_second":1000,"reply_tokens":3}}""")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.usage.completion_tokens")
                .isEqualTo(3)
                .jsonPath("$.choices[0].message.content")
                .value(String.class,
                        content -> assertThat(content.split(" ")).hasSize(3));
    }

    @Test
    void shouldCutTheReplyAtMaxTokens() {
        post("/v1/chat/completions", """
                {"model":"m","messages":[{"role":"user","content":"echo: a b c d e"}],"max_completion_tokens":2}""")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.choices[0].message.content")
                .isEqualTo("a b")
                .jsonPath("$.choices[0].finish_reason")
                .isEqualTo("length");
    }

    @Test
    void shouldRefuseARequestWithoutBearerKeyInOpenAiErrorShape() {
        for (String authorization : List.of("", "Basic dXNlcjpwYXNz", "Bearer ")) {
            WebTestClient.RequestBodySpec request = client.post()
                    .uri("/v1/chat/completions")
                    .contentType(MediaType.APPLICATION_JSON);
            if (!authorization.isEmpty()) {
                request.header("Authorization", authorization);
            }
            request.bodyValue("""
                    {"model":"m","messages":[{"role":"user","content":"hi"}]}""")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody()
                    .jsonPath("$.error.message")
                    .isNotEmpty()
                    .jsonPath("$.error.type")
                    .isEqualTo("invalid_request_error")
                    .jsonPath("$.error.param")
                    .isEqualTo(null)
                    .jsonPath("$.error.code")
                    .isEqualTo("invalid_api_key");
        }
    }

    @Test
    void shouldRefuseABodyThatIsNotJsonInOpenAiErrorShape() {
        post("/v1/chat/completions", "{\"model\": \"m\", \"messages\": [")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.message")
                .isNotEmpty()
                .jsonPath("$.error.type")
                .isEqualTo("invalid_request_error")
                .jsonPath("$.error.param")
                .isEqualTo(null)
                .jsonPath("$.error.code")
                .isEqualTo(null);
    }

    @Test
    void shouldRefuseARequestWithoutMessages() {
        post("/v1/chat/completions", """
                {"model":"m"}""")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.param")
                .isEqualTo("messages")
                .jsonPath("$.error.code")
                .isEqualTo("missing_required_parameter");
    }

    @Test
    void shouldExposeProbesAndPrometheusMetrics() {
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(metrics -> assertThat(metrics).contains("simulator_generations_active"));
    }

    private WebTestClient.ResponseSpec post(String path, String body) {
        return client.post()
                .uri(path)
                .header("Authorization", "Bearer sk-simulated")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private Flux<String> stream(String body) {
        return post("/v1/chat/completions", body).expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(String.class)
                .getResponseBody();
    }

    private static String contentOf(String completion) {
        return json(completion).at("/choices/0/message/content").asString();
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
