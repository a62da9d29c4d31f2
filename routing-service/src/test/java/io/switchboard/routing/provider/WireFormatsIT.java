package io.switchboard.routing.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.catalog.client.CatalogHolder;
import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.routing.support.CatalogStub;
import io.switchboard.routing.support.RoutingTestConfiguration;
import io.switchboard.routing.support.TestCatalog;
import io.switchboard.routing.support.UsageEventTail;
import io.switchboard.simulator.ProviderSimulatorApplication;
import io.switchboard.testsupport.contract.OpenRouterContract;
import io.switchboard.testsupport.infra.TestInfrastructure;
import io.switchboard.usage.UsageEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every wire format end to end over real HTTP: routing-service in front of the provider simulator speaking OpenAI,
 * Anthropic and Gemini, with tools and reasoning, streamed and not. Whatever the format, the client gets OpenRouter's
 * shapes, and the usage event counts what the provider reported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.routing.adapters.pass-through-fields=simulator"})
@AutoConfigureWebTestClient(timeout = "30s")
class WireFormatsIT {

    static final String SECRET = "routing-test-secret-0123456789abcdefghij";
    static final String PATH = "/api/v1/chat/completions";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TOOLS = """
            "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather in a city",
            "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]""";

    static final ConfigurableApplicationContext SIMULATOR = new SpringApplicationBuilder(
            ProviderSimulatorApplication.class)
            .properties("spring.config.name=provider-simulator-in-test", "server.port=0",
                    "spring.main.banner-mode=off", "simulator.time-to-first-token=0ms",
                    "simulator.tokens-per-second=1000", "switchboard.internal.secret=" + SECRET)
            .run();
    static final String SIMULATOR_URL = "http://127.0.0.1:"
            + SIMULATOR.getEnvironment().getProperty("local.server.port");
    static final CatalogStub CATALOG = new CatalogStub(TestCatalog.wireFormats(SIMULATOR_URL));
    static final UsageEventTail USAGE = new UsageEventTail(TestInfrastructure.kafka().bootstrapServers());

    @Autowired
    WebTestClient web;

    @Autowired
    IdentityProof proof;

    @Autowired
    CatalogHolder catalog;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("switchboard.internal.secret", () -> SECRET);
        registry.add("switchboard.catalog-client.url", CATALOG::url);
        registry.add("switchboard.routing.usage.spool-dir", () -> RoutingTestConfiguration.spoolDir().toString());
        registry.add("ANTHROPIC_API_KEY", () -> "sk-ant-test");
        registry.add("GOOGLE_AI_STUDIO_API_KEY", () -> "gemini-test");
        registry.add("OPENAI_API_KEY", () -> "sk-test");
    }

    @AfterAll
    static void stopAll() {
        USAGE.close();
        CATALOG.close();
        SIMULATOR.close();
    }

    @BeforeEach
    void catalogLoaded() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> catalog.current().isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestCatalog.CLAUDE, TestCatalog.GEMINI, TestCatalog.GPT})
    void shouldAnswerInOpenRoutersShapeWhateverTheProvidersFormat(String model) {
        var result = post("""
                {"model":"%s","messages":[{"role":"system","content":"Be brief."},
                 {"role":"user","content":"echo: Guten Tag"}]}""".formatted(model))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult();
        JsonNode body = JSON.readTree(result.getResponseBody());

        OpenRouterContract.assertConforms("ChatResult", body.toString());
        assertThat(body.get("model").asString()).isEqualTo(model);
        assertThat(body.at("/choices/0/message/role").asString()).isEqualTo("assistant");
        assertThat(body.at("/choices/0/message/content").asString()).isEqualTo("Guten Tag");
        assertThat(body.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
        assertThat(body.at("/usage/completion_tokens").asLong()).isEqualTo(2);
        UsageEvent event = USAGE.await(result.getResponseHeaders().getFirst("X-Generation-Id"));
        assertThat(event.data().usage().completionTokens()).isEqualTo(2);
        assertThat(event.data().usage().promptTokens()).isEqualTo(body.at("/usage/prompt_tokens").asLong())
                .isPositive();
        assertThat(event.data().usage().estimated()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {TestCatalog.CLAUDE, TestCatalog.GEMINI, TestCatalog.GPT})
    void shouldStreamAToolCallAsIndexedFragmentsNamedOnlyInTheFirst(String model) {
        List<JsonNode> chunks = stream("""
                {"model":"%s","stream":true,%s,"tool_choice":"auto",
                 "messages":[{"role":"user","content":"tool: {\\"city\\": \\"Paris\\"}"}]}""".formatted(model,
                TOOLS));

        assertThat(chunks.getFirst().at("/choices/0/delta/role").asString()).isEqualTo("assistant");
        List<JsonNode> fragments = chunks.stream()
                .flatMap(chunk -> chunk.at("/choices/0/delta/tool_calls").valueStream())
                .toList();
        assertThat(fragments).isNotEmpty().allSatisfy(fragment -> assertThat(fragment.get("index").asInt()).isZero());
        assertThat(fragments.getFirst().get("id").asString()).isNotBlank();
        assertThat(fragments.getFirst().at("/function/name").asString()).isEqualTo("get_weather");
        assertThat(fragments.subList(1, fragments.size())).allSatisfy(fragment -> {
            assertThat(fragment.has("id")).isFalse();
            assertThat(fragment.at("/function").has("name")).isFalse();
        });
        String arguments = fragments.stream()
                .map(fragment -> fragment.at("/function/arguments").asString(""))
                .reduce("", String::concat);
        assertThat(JSON.readTree(arguments)).isEqualTo(JSON.readTree("{\"city\": \"Paris\"}"));
        assertThat(chunks).filteredOn(chunk -> !chunk.at("/choices/0/finish_reason").isMissingNode()
                && !chunk.at("/choices/0/finish_reason").isNull())
                .singleElement()
                .satisfies(chunk -> assertThat(chunk.at("/choices/0/finish_reason").asString()).isEqualTo(
                        "tool_calls"));
    }

    @ParameterizedTest
    @ValueSource(strings = {TestCatalog.CLAUDE, TestCatalog.GEMINI, TestCatalog.GPT})
    void shouldStreamReasoningBeforeTheAnswerAndCountItInUsage(String model) {
        List<JsonNode> chunks = stream("""
                {"model":"%s","stream":true,"max_tokens":4096,"reasoning":{"effort":"low"},
                 "simulator":{"reasoning_tokens":5},
                 "messages":[{"role":"user","content":"echo: Twelve"}]}""".formatted(model));

        int firstReasoning = indexOf(chunks, chunk -> chunk.at("/choices/0/delta/reasoning").isString());
        int firstContent = indexOf(chunks, chunk -> !chunk.at("/choices/0/delta/content").asString("").isEmpty());
        assertThat(firstReasoning).isNotNegative().isLessThan(firstContent);
        String reasoning = chunks.stream()
                .map(chunk -> chunk.at("/choices/0/delta/reasoning").asString(""))
                .reduce("", String::concat);
        assertThat(reasoning.split(" ")).hasSize(5);
        JsonNode usage = chunks.getLast().get("usage");
        assertThat(usage.get("completion_tokens").asLong()).isEqualTo(6);
        assertThat(usage.at("/completion_tokens_details/reasoning_tokens").asLong()).isBetween(1L, 6L);
    }

    @ParameterizedTest
    @ValueSource(strings = {TestCatalog.CLAUDE, TestCatalog.GEMINI})
    void shouldPassTheSimulatorStepsThroughAsAConfiguredField(String model) {
        post("""
                {"model":"%s","simulator":{"reply_tokens":3},
                 "messages":[{"role":"user","content":"Say something"}]}""".formatted(model))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.usage.completion_tokens")
                .isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {TestCatalog.CLAUDE, TestCatalog.GEMINI})
    void shouldAnswerAfterTheToolResultComesBack(String model) {
        post("""
                {"model":"%s",%s,"messages":[
                 {"role":"user","content":"tool: {\\"city\\": \\"Paris\\"}"},
                 {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                   "function":{"name":"get_weather","arguments":"{\\"city\\": \\"Paris\\"}"}}]},
                 {"role":"tool","tool_call_id":"call_1","content":"18 degrees"}],
                 "simulator":{"reply_tokens":4}}""".formatted(model, TOOLS))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.choices[0].finish_reason")
                .isEqualTo("stop")
                .jsonPath("$.usage.completion_tokens")
                .isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {TestCatalog.CLAUDE})
    void shouldPassTheProvidersRefusalOfTheRequestThrough(String model) {
        // Anthropic requires max_tokens above the thinking budget; a budget the caller chose is never changed.
        post("""
                {"model":"%s","max_tokens":2000,"reasoning":{"max_tokens":3000},
                 "messages":[{"role":"user","content":"hi"}]}""".formatted(model))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.metadata.provider_name")
                .isEqualTo("Anthropic")
                .jsonPath("$.error.metadata.raw")
                .value(raw -> assertThat((String) raw).contains("invalid_request_error"));
    }

    private List<JsonNode> stream(String body) {
        var result = post(body).expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(String.class);
        List<String> events = new ArrayList<>();
        StepVerifier.create(result.getResponseBody())
                .recordWith(() -> events)
                .thenConsumeWhile(event -> true)
                .verifyComplete();
        assertThat(events).last().isEqualTo("[DONE]");
        List<JsonNode> chunks = events.subList(0, events.size() - 1).stream().map(JSON::readTree).toList();
        chunks.forEach(chunk -> OpenRouterContract.assertConforms("ChatStreamChunk", chunk.toString()));
        assertThat(chunks.stream().filter(chunk -> chunk.has("usage")).toList()).singleElement()
                .isSameAs(chunks.getLast());
        return chunks;
    }

    private static int indexOf(List<JsonNode> chunks, Predicate<JsonNode> test) {
        for (int i = 0; i < chunks.size(); i++) {
            if (test.test(chunks.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private WebTestClient.ResponseSpec post(String body) {
        return web.post()
                .uri(PATH)
                .headers(headers -> proof.sign(new InternalIdentity("tenant-f", "key-f", "req-" + UUID.randomUUID()),
                        HttpMethod.POST, PATH, headers))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.getBytes(StandardCharsets.UTF_8))
                .exchange();
    }
}
