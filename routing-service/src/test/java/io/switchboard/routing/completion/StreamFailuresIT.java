package io.switchboard.routing.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.routing.usage.TokenEstimator;
import io.switchboard.testsupport.contract.OpenRouterContract;
import io.switchboard.usage.Outcome;
import io.switchboard.usage.UsageEvent;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams that go wrong: after the first byte (error chunk, delivered tokens billed), before it (a real status while
 * nothing was sent, an error chunk once keep-alives committed the response), and a client that leaves.
 */
class StreamFailuresIT extends FaultyProvidersTestBase {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldEndAStreamCutOffMidwayWithAnErrorChunkAndBillWhatWasDelivered() {
        var result = post(chat("test/midstream", true,
                "\"simulator\":{\"tokens_per_second\":20,\"fault\":{\"type\":\"disconnect\",\"after_tokens\":3}}"))
                .expectStatus()
                .isOk()
                .returnResult(SSE);
        List<String> data = data(events(result));

        List<JsonNode> chunks = data.subList(0, data.size() - 1).stream().map(JSON::readTree).toList();
        chunks.forEach(chunk -> OpenRouterContract.assertConforms("ChatStreamChunk", chunk.toString()));
        assertThat(data).last().isEqualTo("[DONE]");
        JsonNode error = chunks.get(chunks.size() - 2);
        assertThat(error.at("/error/code").asInt()).isEqualTo(502);
        assertThat(error.at("/error/metadata/error_type").asString()).isEqualTo("provider_unavailable");
        assertThat(error.at("/choices/0/finish_reason").asString()).isEqualTo("error");
        assertThat(chunks.getLast().has("usage")).isTrue();
        String delivered = text(chunks);
        assertThat(delivered).isEqualTo("one two three");

        UsageEvent event = USAGE.await(result.getResponseHeaders().getFirst("X-Generation-Id"));
        assertThat(event.data().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(event.data().finishReason()).isEqualTo("error");
        assertThat(event.data().usage().completionTokens()).isEqualTo(new TokenEstimator().count(delivered))
                .isEqualTo(chunks.getLast().at("/usage/completion_tokens").asLong());
    }

    @Test
    void shouldEndAStreamWithAMalformedChunkWithAnErrorChunk() {
        List<String> data = data(events(post(chat("test/midstream", true,
                "\"simulator\":{\"fault\":{\"type\":\"malformed_chunk\",\"after_tokens\":2}}"))
                .expectStatus()
                .isOk()
                .returnResult(SSE)));

        List<JsonNode> chunks = data.subList(0, data.size() - 1).stream().map(JSON::readTree).toList();
        assertThat(text(chunks)).isEqualTo("one two");
        assertThat(chunks.get(chunks.size() - 2).at("/error/message").asString()).contains("Invalid response");
    }

    @Test
    void shouldEndAStalledStreamWithATimeoutErrorChunk() {
        List<String> data = data(events(post(chat("test/midstream", true,
                "\"simulator\":{\"fault\":{\"type\":\"stall\",\"after_tokens\":2}}"))
                .expectStatus()
                .isOk()
                .returnResult(SSE)));

        JsonNode error = JSON.readTree(data.get(data.size() - 3));
        assertThat(error.at("/error/code").asInt()).isEqualTo(408);
        assertThat(error.at("/error/metadata/error_type").asString()).isEqualTo("timeout");
    }

    @Test
    void shouldCloseTheUpstreamConnectionWhenTheClientCancels() {
        long before = SIMULATOR.stats("zeta").get("received").asLong();
        // 500 tokens at 5 per second: the provider would still be generating for over a minute and a half.
        var result = post(chat("test/cancel", true,
                "\"simulator\":{\"tokens_per_second\":5,\"reply_tokens\":500}")
                .replace("echo: one two three four five six", "a long answer please"))
                .expectStatus()
                .isOk()
                .returnResult(SSE);

        StepVerifier.create(result.getResponseBody().filter(event -> event.data() != null).take(3))
                .expectNextCount(3)
                .verifyComplete();

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode stats = SIMULATOR.stats("zeta");
            assertThat(stats.get("received").asLong()).isEqualTo(before + 1);
            assertThat(stats.get("in_flight").asLong()).isZero();
            assertThat(stats.get("cancelled").asLong() + stats.get("failed").asLong()).isOne();
            assertThat(stats.get("completed").asLong()).isZero();
        });
        UsageEvent event = USAGE.await(result.getResponseHeaders().getFirst("X-Generation-Id"));
        assertThat(event.data().outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(event.data().usage().completionTokens()).isBetween(1L, 499L);
    }

    @Test
    void shouldKeepTheConnectionAliveWithProcessingCommentsUntilTheFirstToken() {
        List<ServerSentEvent<String>> events = events(post(chat("test/keepalive", true,
                "\"simulator\":{\"fault\":{\"type\":\"slow_first_token\",\"delay_ms\":3500}}"))
                .expectStatus()
                .isOk()
                .returnResult(SSE));

        assertThat(events.getFirst().comment()).isEqualTo("OPENROUTER PROCESSING");
        int firstData = events.indexOf(events.stream().filter(event -> event.data() != null).findFirst().orElseThrow());
        assertThat(events.subList(0, firstData)).allSatisfy(event -> assertThat(event.comment()).isNotNull());
        assertThat(events.subList(firstData, events.size())).allSatisfy(event -> assertThat(event.comment()).isNull());
        assertThat(JSON.readTree(events.get(firstData).data()).get("provider").asString()).isEqualTo("Eta");
        assertThat(data(events)).last().isEqualTo("[DONE]");
    }

    @Test
    void shouldAnswerWithAnErrorStatusWhenEveryEndpointFailsBeforeAnythingWasSent() {
        var result = post(chat("test/keepalive", true,
                "\"simulator\":{\"fault\":{\"type\":\"http_error\",\"status\":500}}"))
                .expectStatus()
                .isEqualTo(502)
                .expectHeader()
                .doesNotExist("X-Generation-Id")
                .expectBody(String.class)
                .returnResult();

        OpenRouterContract.assertConforms("BadGatewayResponse", result.getResponseBody());
        assertThat(JSON.readTree(result.getResponseBody()).at("/error/metadata/provider_name").asString())
                .isEqualTo("Theta");
    }

    @Test
    void shouldReportAFailureAfterKeepAlivesCommittedTheResponseAsAnErrorChunk() {
        // Both endpoints stay silent past the 5 s time-to-first-token limit; keep-alives start after 2 s.
        List<ServerSentEvent<String>> events = events(post(chat("test/keepalive", true,
                "\"simulator\":{\"fault\":{\"type\":\"slow_first_token\",\"delay_ms\":30000}}"))
                .expectStatus()
                .isOk()
                .returnResult(SSE));

        assertThat(events.getFirst().comment()).isEqualTo("OPENROUTER PROCESSING");
        List<String> data = data(events);
        assertThat(data).hasSize(2).last().isEqualTo("[DONE]");
        JsonNode error = JSON.readTree(data.getFirst());
        OpenRouterContract.assertConforms("ChatStreamChunk", error.toString());
        assertThat(error.at("/error/code").asInt()).isEqualTo(408);
        assertThat(error.at("/error/metadata/error_type").asString()).isEqualTo("timeout");
        assertThat(error.at("/choices/0/finish_reason").asString()).isEqualTo("error");
    }

    private static String text(List<JsonNode> chunks) {
        return chunks.stream()
                .map(chunk -> chunk.at("/choices/0/delta/content").asString(""))
                .reduce("", String::concat);
    }
}
