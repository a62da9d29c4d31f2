package io.switchboard.routing.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.catalog.client.CatalogHolder;
import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.routing.stats.EndpointStatsReader;
import io.switchboard.routing.support.CatalogStub;
import io.switchboard.routing.support.RoutingTestConfiguration;
import io.switchboard.routing.support.SimulatorServer;
import io.switchboard.routing.support.TestCatalog;
import io.switchboard.routing.support.UsageEventTail;
import io.switchboard.testsupport.contract.OpenRouterContract;
import io.switchboard.testsupport.infra.TestInfrastructure;
import io.switchboard.usage.Outcome;
import io.switchboard.usage.UsageEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * routing-service over real HTTP: the provider simulator plays the providers, a stub plays catalog-service (with the
 * cheapest endpoint pointing where nothing listens), and usage events go to a real Kafka broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@Import(RoutingTestConfiguration.class)
class ChatCompletionsIT {

    static final String SECRET = "routing-test-secret-0123456789abcdefghij";
    static final String PATH = "/api/v1/chat/completions";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static final SimulatorServer SIMULATOR = new SimulatorServer(SECRET);
    // The dead endpoint is on port 1, outside the ephemeral range: a port that was merely free when the class loaded
    // can be the one this test's own server binds next (port 0), which then answers 404 instead of refusing.
    static final CatalogStub CATALOG = new CatalogStub(
            TestCatalog.failoverLadder(SIMULATOR.url(), "http://127.0.0.1:1"));
    static final UsageEventTail USAGE = new UsageEventTail(TestInfrastructure.kafka().bootstrapServers());

    @Autowired
    WebTestClient web;

    @Autowired
    IdentityProof proof;

    @Autowired
    CatalogHolder catalog;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    EndpointStatsReader stats;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("spring.data.redis.url", () -> TestInfrastructure.redis().url());
        registry.add("switchboard.routing.usage.spool-dir", () -> RoutingTestConfiguration.spoolDir().toString());
        registry.add("switchboard.routing.stats.flush-interval", () -> "200ms");
        registry.add("switchboard.routing.stats.refresh-interval", () -> "200ms");
        registry.add("switchboard.internal.secret", () -> SECRET);
        registry.add("switchboard.catalog-client.url", CATALOG::url);
        registry.add("MISTRAL_API_KEY", () -> "sk-test");
        registry.add("TOGETHER_API_KEY", () -> "sk-test");
        registry.add("BROKEN_API_KEY", () -> "sk-test");
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

    @Test
    void shouldFailOverFromADeadEndpointAndAnswerInOpenRoutersShape() {
        var result = post("{\"model\":\"" + TestCatalog.MISTRAL_SMALL
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"echo: Bonjour\"}]}")
                .expectStatus()
                .isOk()
                .returnResult(String.class);
        String generationId = result.getResponseHeaders().getFirst("X-Generation-Id");
        JsonNode body = JSON.readTree(result.getResponseBody().blockFirst());

        OpenRouterContract.assertConforms("ChatResult", body.toString());
        assertThat(body.get("id").asString()).isEqualTo(generationId).startsWith("gen-");
        assertThat(body.get("provider").asString()).isEqualTo("Mistral");
        assertThat(body.get("model").asString()).isEqualTo(TestCatalog.MISTRAL_SMALL);
        assertThat(body.at("/choices/0/message/content").asString()).isEqualTo("Bonjour");
        BigDecimal expected = new BigDecimal("0.00000015").multiply(body.at("/usage/prompt_tokens").decimalValue())
                .add(new BigDecimal("0.0000006").multiply(body.at("/usage/completion_tokens").decimalValue()));
        assertThat(body.at("/usage/cost").decimalValue()).isEqualByComparingTo(expected);

        UsageEvent event = USAGE.await(generationId);
        assertThat(event.data().outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(event.data().provider()).isEqualTo("mistral");
        assertThat(event.data().cost()).isEqualByComparingTo(expected);
        assertThat(event.data().streamed()).isFalse();
        assertThat(event.data().failover()).singleElement()
                .satisfies(attempt -> assertThat(attempt.provider()).isEqualTo("broken"));
        assertThat(event.data().tenantId()).isEqualTo("tenant-a");
    }

    @Test
    void shouldStreamChunksEndingWithOneUsageChunkAndDone() {
        var result = post("{\"model\":\"" + TestCatalog.MISTRAL_SMALL + "\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"echo: one two three four\"}]}")
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(String.class);
        String generationId = result.getResponseHeaders().getFirst("X-Generation-Id");
        List<String> events = new ArrayList<>();
        StepVerifier.create(result.getResponseBody())
                .recordWith(() -> events)
                .thenConsumeWhile(event -> true)
                .verifyComplete();

        assertThat(events).last().isEqualTo("[DONE]");
        List<JsonNode> chunks = events.subList(0, events.size() - 1).stream().map(JSON::readTree).toList();
        chunks.forEach(chunk -> OpenRouterContract.assertConforms("ChatStreamChunk", chunk.toString()));
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.get("id").asString()).isEqualTo(generationId);
            assertThat(chunk.get("provider").asString()).isEqualTo("Mistral");
        });
        assertThat(chunks.getFirst().at("/choices/0/delta/role").asString()).isEqualTo("assistant");
        assertThat(chunks.stream().filter(chunk -> chunk.has("usage")).toList()).singleElement()
                .isSameAs(chunks.getLast());
        String text = chunks.stream()
                .map(chunk -> chunk.at("/choices/0/delta/content").asString(""))
                .reduce("", String::concat);
        assertThat(text).isEqualTo("one two three four");

        UsageEvent event = USAGE.await(generationId);
        assertThat(event.data().streamed()).isTrue();
        assertThat(event.data().usage().completionTokens())
                .isEqualTo(chunks.getLast().at("/usage/completion_tokens").asLong());
        assertThat(event.data().finishReason()).isEqualTo("stop");
    }

    @Test
    void shouldBillWhatWasGeneratedWhenTheClientCancels() {
        var result = post("{\"model\":\"" + TestCatalog.LLAMA + "\",\"stream\":true,"
                + "\"simulator\":{\"tokens_per_second\":10,\"reply_tokens\":50},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"a long answer please\"}]}")
                .expectStatus()
                .isOk()
                .returnResult(String.class);
        String generationId = result.getResponseHeaders().getFirst("X-Generation-Id");

        StepVerifier.create(result.getResponseBody().take(3)).expectNextCount(3).verifyComplete();

        UsageEvent event = USAGE.await(generationId);
        assertThat(event.data().outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(event.data().provider()).isEqualTo("together");
        assertThat(event.data().usage().completionTokens()).isBetween(1L, 49L);
        assertThat(event.data().usage().estimated()).isTrue();
    }

    @Test
    void shouldPassAProvidersRefusalOfTheRequestThroughWithoutFailingOver() {
        post("{\"model\":\"" + TestCatalog.LLAMA + "\",\"max_tokens\":0,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo(400)
                .jsonPath("$.error.metadata.provider_name")
                .isEqualTo("Together");
    }

    @Test
    void shouldRefuseInvalidRequestsWith400NamingTheField() {
        post("{\"model\":\"nobody/nothing\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.message")
                .isEqualTo("nobody/nothing is not a valid model ID");
        post("{\"model\":\"" + TestCatalog.LLAMA + "\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.message")
                .value(message -> assertThat((String) message)
                        .startsWith("messages"));
        post("{\"model\": ").expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo(400);
    }

    @Test
    void shouldServeFromTheOrderedProviderAndSaySoInTheResponse() {
        post("{\"model\":\"" + TestCatalog.MISTRAL_SMALL + "\",\"provider\":{\"order\":[\"Together\"],"
                + "\"allow_fallbacks\":false},\"messages\":[{\"role\":\"user\",\"content\":\"echo: hi\"}]}")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.provider")
                .isEqualTo("Together")
                .jsonPath("$.model")
                .isEqualTo(TestCatalog.MISTRAL_SMALL);
    }

    @Test
    void shouldAnswer404WhenThePreferencesLeaveNoEndpoint() {
        String body = post("{\"model\":\"" + TestCatalog.MISTRAL_SMALL + "\",\"provider\":{\"only\":[\"nobody\"]},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .doesNotExist("X-Generation-Id")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        OpenRouterContract.assertConforms("NotFoundResponse", body);
        assertThat(JSON.readTree(body).at("/error/message").asString())
                .isEqualTo("No endpoints found for " + TestCatalog.MISTRAL_SMALL
                        + " that match your provider preferences.");
    }

    @Test
    void shouldShareEndpointStatisticsThroughRedisAndReadThemBack() {
        post("{\"model\":\"" + TestCatalog.LLAMA + "\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"echo: a b c d e f\"}]}")
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
        String endpoint = "together:" + TestCatalog.LLAMA;

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> StepVerifier
                        .create(redis.<String, String>opsForHash()
                                .keys("routing:stats:" + endpoint)
                                .filter(field -> field.endsWith(":requests") || field.contains(":ttft:"))
                                .count())
                        .assertNext(fields -> assertThat(fields).isGreaterThanOrEqualTo(2))
                        .verifyComplete());
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(stats.get(endpoint))
                        .hasValueSatisfying(read -> {
                            assertThat(read.requests()).isPositive();
                            assertThat(read.ttftP50Ms()).isPresent();
                        }));
    }

    @Test
    void shouldRefuseARequestWithoutIdentityProof() {
        web.post()
                .uri(PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    private WebTestClient.ResponseSpec post(String body) {
        return web.post()
                .uri(PATH)
                .headers(headers -> proof.sign(new InternalIdentity("tenant-a", "key-a", "req-" + UUID.randomUUID()),
                        HttpMethod.POST, PATH, headers))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.getBytes(StandardCharsets.UTF_8))
                .exchange();
    }
}
