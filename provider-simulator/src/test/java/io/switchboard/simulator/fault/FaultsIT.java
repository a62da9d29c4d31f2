package io.switchboard.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/** Fault modes and traffic statistics over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "simulator.time-to-first-token=0ms", "simulator.tokens-per-second=1000"})
@AutoConfigureWebTestClient(timeout = "30s")
class FaultsIT {

    private static final String ECHO = "{\"model\":\"m\",\"stream\":%s,%s\"messages\":[{\"role\":\"user\","
            + "\"content\":\"echo: one two three four five\"}]}";

    @Autowired
    WebTestClient client;

    @AfterEach
    void clearFaults() {
        client.delete().uri("/_simulator/faults").exchange().expectStatus().isNoContent();
    }

    @Test
    void shouldFailOnlyThePrefixWithAFaultWithItsStatusAndRetryAfter() {
        putFault("mistral", "{\"type\":\"http_error\",\"status\":503,\"retry_after_seconds\":7}");

        post("/mistral/v1/chat/completions", request(false, ""))
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "7")
                .expectBody()
                .jsonPath("$.error.type")
                .isEqualTo("server_error");
        post("/together/v1/chat/completions", request(false, "")).expectStatus().isOk();
    }

    @Test
    void shouldApplyAFaultForTheNextRequestsOnlyWhenGivenTimes() {
        putFault("once", "{\"type\":\"http_error\",\"status\":429,\"times\":1}");

        post("/once/v1/chat/completions", request(false, ""))
                .expectStatus()
                .isEqualTo(429)
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("rate_limit_exceeded");
        post("/once/v1/chat/completions", request(false, "")).expectStatus().isOk();
    }

    @Test
    void shouldFailARequestThatAsksForAFaultItself() {
        post("/v1/chat/completions",
                request(false, "\"simulator\":{\"fault\":{\"type\":\"http_error\",\"status\":500}},"))
                .expectStatus()
                .isEqualTo(500);
    }

    @Test
    void shouldCutTheConnectionAfterTheGivenTokens() {
        var result = post("/cut/v1/chat/completions",
                // Tokens 50 ms apart: a client's decoder may drop data that arrives together with the close.
                request(true, "\"simulator\":{\"tokens_per_second\":20,"
                        + "\"fault\":{\"type\":\"disconnect\",\"after_tokens\":2}},"))
                .expectStatus()
                .isOk()
                .returnResult(String.class);
        List<String> events = new ArrayList<>();

        StepVerifier.create(result.getResponseBody())
                .recordWith(() -> events)
                .thenConsumeWhile(event -> true)
                .expectError()
                .verify(Duration.ofSeconds(30));

        // The role chunk and two tokens; neither the end of the reply nor [DONE].
        assertThat(events).hasSize(3).noneMatch(event -> event.contains("[DONE]"));
        assertThat(stats("cut")).contains("\"failed\":1").contains("\"in_flight\":0");
    }

    @Test
    void shouldSendAChunkThatIsNotJsonAfterTheGivenTokens() {
        String body = post("/bad/v1/chat/completions",
                request(true, "\"simulator\":{\"fault\":{\"type\":\"malformed_chunk\",\"after_tokens\":1}},"))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        String[] events = body.split("\n\n");
        assertThat(events[2]).isEqualTo(new String(StreamFaults.MALFORMED_EVENT).trim());
        assertThat(events[events.length - 1]).isEqualTo("data: [DONE]");
    }

    @Test
    void shouldCountRequestsAndCompletedResponsesPerPrefix() {
        client.delete().uri("/_simulator/stats").exchange().expectStatus().isNoContent();

        post("/counted/v1/chat/completions", request(true, "")).expectStatus().isOk().expectBody().returnResult();
        post("/counted/v1/chat/completions", request(false, "")).expectStatus().isOk().expectBody().returnResult();

        assertThat(stats("counted")).contains("\"received\":2", "\"in_flight\":0", "\"completed\":2",
                "\"cancelled\":0", "\"failed\":0");
    }

    @Test
    void shouldRefuseAnInvalidFaultNamingTheField() {
        client.put()
                .uri("/_simulator/faults/x")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"type\":\"http_error\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("status: required for http_error");
        post("/v1/chat/completions", request(false, "\"simulator\":{\"fault\":{\"type\":\"explode\"}},"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.param")
                .isEqualTo("simulator.fault");
    }

    private void putFault(String prefix, String spec) {
        client.put()
                .uri("/_simulator/faults/" + prefix)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(spec)
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    private String stats(String prefix) {
        return client.get()
                .uri("/_simulator/stats/" + prefix)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private static String request(boolean stream, String extra) {
        return ECHO.formatted(stream, extra);
    }

    private WebTestClient.ResponseSpec post(String path, String body) {
        return client.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer sk-test")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
