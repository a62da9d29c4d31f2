package io.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.simulator.generation.GenerationMonitor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/** The Anthropic and Gemini formats over real HTTP, at the paths the local stack's catalog points to. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "simulator.time-to-first-token=0ms", "simulator.tokens-per-second=2000"})
@AutoConfigureWebTestClient(timeout = "30s")
class WireFormatsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(30);
    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient client;

    @Autowired
    GenerationMonitor monitor;

    @Test
    void shouldAnswerAnthropicMessagesUnderTheProvidersPrefix() {
        anthropic("/anthropic/v1/messages", """
                {"model":"claude-3-5-haiku-20241022","max_tokens":64,"system":"Be brief.",
                 "messages":[{"role":"user","content":"echo: Bonjour Claude"}]}""")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("message")
                .jsonPath("$.content[0].text")
                .isEqualTo("Bonjour Claude")
                .jsonPath("$.stop_reason")
                .isEqualTo("end_turn")
                .jsonPath("$.usage.output_tokens")
                .isEqualTo(2);
    }

    @Test
    void shouldStreamAnthropicEventsInTheDocumentedOrder() {
        var events = anthropic("/anthropic/v1/messages", """
                {"model":"claude-3-5-haiku-20241022","max_tokens":64,"stream":true,
                 "simulator":{"reply_tokens":5},
                 "messages":[{"role":"user","content":"Stream slowly"}]}""")
                .expectStatus()
                .isOk()
                .returnResult(SSE)
                .getResponseBody();
        AtomicReference<String> id = new AtomicReference<>();

        StepVerifier.create(events.collectList())
                .assertNext(all -> {
                    assertThat(all).extracting(ServerSentEvent::event)
                            .startsWith("message_start", "ping", "content_block_start")
                            .endsWith("content_block_stop", "message_delta", "message_stop");
                    id.set(JSON.readTree(all.getFirst().data()).at("/message/id").asString());
                    assertThat(all).filteredOn(event -> "content_block_delta".equals(event.event())).hasSize(5);
                })
                .expectComplete()
                .verify(VERIFY_TIMEOUT);
        assertThat(id.get()).startsWith("msg_");
        assertThat(monitor.isActive(id.get())).isFalse();
    }

    @Test
    void shouldRefuseAnthropicRequestsWithoutAnApiKeyInAnthropicsErrorShape() {
        client.post()
                .uri("/anthropic/v1/messages")
                .header("anthropic-version", "2023-06-01")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("error")
                .jsonPath("$.error.type")
                .isEqualTo("authentication_error");
    }

    @Test
    void shouldRefuseAThinkingBudgetThatIsNotBelowMaxTokens() {
        anthropic("/v1/messages", """
                {"model":"m","max_tokens":1024,"thinking":{"type":"enabled","budget_tokens":1024},
                 "messages":[{"role":"user","content":"hi"}]}""")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.type")
                .isEqualTo("invalid_request_error");
    }

    @Test
    void shouldServeGeminiUnderV1betaAndUnderV1ForTheLocalStack() {
        for (String path : List.of("/google-ai-studio/v1beta/models/gemini-2.0-flash-001:generateContent",
                "/google-ai-studio/v1/models/gemini-2.0-flash-001:generateContent")) {
            gemini(path, """
                    {"contents":[{"role":"user","parts":[{"text":"echo: Hallo Gemini"}]}]}""")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.candidates[0].content.parts[0].text")
                    .isEqualTo("Hallo Gemini")
                    .jsonPath("$.candidates[0].finishReason")
                    .isEqualTo("STOP")
                    .jsonPath("$.modelVersion")
                    .isEqualTo("gemini-2.0-flash-001")
                    .jsonPath("$.usageMetadata.candidatesTokenCount")
                    .isEqualTo(2);
        }
    }

    @Test
    void shouldStreamGeminiEventsWithTheFinishReasonAndUsageLast() {
        var events = gemini("/google-ai-studio/v1/models/gemini-2.0-flash-001:streamGenerateContent?alt=sse", """
                {"contents":[{"role":"user","parts":[{"text":"echo: a b c"}]}]}""")
                .expectStatus()
                .isOk()
                .returnResult(SSE)
                .getResponseBody()
                .map(event -> JSON.readTree(event.data()));

        StepVerifier.create(events.collectList())
                .assertNext(all -> {
                    assertThat(all).hasSize(4);
                    assertThat(all.getLast().at("/candidates/0/finishReason").asString()).isEqualTo("STOP");
                    assertThat(all.getLast().at("/usageMetadata/candidatesTokenCount").asInt()).isEqualTo(3);
                })
                .expectComplete()
                .verify(VERIFY_TIMEOUT);
    }

    @Test
    void shouldAcceptTheGeminiKeyAsAQueryParameterAndRefuseARequestWithoutOne() {
        String body = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}";
        client.post()
                .uri("/v1beta/models/gemini-2.0-flash-001:generateContent?key=test-key")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();
        client.post()
                .uri("/v1beta/models/gemini-2.0-flash-001:generateContent")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.error.status")
                .isEqualTo("PERMISSION_DENIED");
    }

    private WebTestClient.ResponseSpec anthropic(String path, String body) {
        return client.post()
                .uri(path)
                .header("x-api-key", "sk-ant-simulated")
                .header("anthropic-version", "2023-06-01")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec gemini(String path, String body) {
        return client.post()
                .uri(path)
                .header("x-goog-api-key", "simulated")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
