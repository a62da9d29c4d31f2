package io.switchboard.simulator.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.simulator.generation.GenerationMonitor;
import io.switchboard.simulator.generation.Generator;
import io.switchboard.simulator.reply.ReplyDefaults;
import io.switchboard.simulator.reply.ReplyPlanner;
import io.switchboard.simulator.reply.Timing;
import io.switchboard.simulator.reply.TokenCounter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exact Gemini wire output for the cases under {@code fixtures/gemini/<case>/}: {@code request.json} in,
 * {@code response.json} (compared as JSON) or {@code stream.txt} (CRLF-framed events, each compared as JSON) out.
 */
class GeminiGoldenFilesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MODEL = "gemini-2.0-flash-001";

    private final WebTestClient client = WebTestClient.bindToRouterFunction(GeminiRoutes.routes(
            new GeminiGenerateHandler(new ReplyPlanner(new ReplyDefaults(new Timing(Duration.ZERO, 1_000_000), 24,
                    null), TokenCounter.cl100kBase()), new Generator(new GenerationMonitor(new SimpleMeterRegistry())),
                    () -> "SimulatorFixedId0000000000000")))
            .build();

    @ParameterizedTest
    @ValueSource(strings = {"plain", "tool-call"})
    void shouldAnswerExactlyAsTheGoldenResponse(String fixture) throws IOException {
        String body = post(fixture, ":generateContent", MediaType.APPLICATION_JSON);

        assertThat(JSON.readTree(body)).isEqualTo(JSON.readTree(resource(fixture, "response.json")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stream", "stream-thinking-tool-call"})
    void shouldStreamExactlyTheGoldenEvents(String fixture) throws IOException {
        List<String> actual = events(post(fixture, ":streamGenerateContent?alt=sse", MediaType.TEXT_EVENT_STREAM));
        List<String> expected = events(resource(fixture, "stream.txt"));

        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(JSON.readTree(actual.get(i))).as("event %d", i).isEqualTo(JSON.readTree(expected.get(i)));
        }
    }

    private String post(String fixture, String method, MediaType expectedType) throws IOException {
        String body = client.post()
                .uri("/google-ai-studio/v1beta/models/" + MODEL + method)
                .header("x-goog-api-key", "test-key")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(resource(fixture, "request.json"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(expectedType)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return Objects.requireNonNull(body);
    }

    /** Google's {@code alt=sse} framing: {@code data: <json>} and a blank line, lines ending in CRLF. */
    private static List<String> events(String stream) {
        assertThat(stream).endsWith("\r\n\r\n");
        return Arrays.stream(stream.substring(0, stream.length() - 4).split("\r\n\r\n", -1))
                .peek(event -> assertThat(event).startsWith("data: ").doesNotContain("\n"))
                .map(event -> event.substring("data: ".length()))
                .toList();
    }

    private static String resource(String fixture, String file) throws IOException {
        String path = "fixtures/gemini/" + fixture + "/" + file;
        try (InputStream in = GeminiGoldenFilesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
