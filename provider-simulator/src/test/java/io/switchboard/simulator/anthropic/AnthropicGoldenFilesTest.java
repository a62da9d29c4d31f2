package io.switchboard.simulator.anthropic;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exact Anthropic wire output for the cases under {@code fixtures/anthropic/<case>/}: {@code request.json} in,
 * {@code response.json} (compared as JSON) or {@code stream.txt} (compared event by event: the event name, and the
 * data as JSON) out. Ids are fixed; timing is near zero, since only the bytes are under test here.
 */
class AnthropicGoldenFilesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebTestClient client = WebTestClient.bindToRouterFunction(AnthropicRoutes.routes(
            new AnthropicMessagesHandler(new ReplyPlanner(new ReplyDefaults(new Timing(Duration.ZERO, 1_000_000), 24,
                    null), TokenCounter.cl100kBase()), new Generator(new GenerationMonitor(new SimpleMeterRegistry())),
                    () -> "SimulatorFixedId0000000000000")))
            .build();

    @ParameterizedTest
    @ValueSource(strings = {"plain", "tool-call"})
    void shouldAnswerExactlyAsTheGoldenMessage(String fixture) throws IOException {
        String body = post(fixture, MediaType.APPLICATION_JSON);

        assertThat(JSON.readTree(body)).isEqualTo(JSON.readTree(resource(fixture, "response.json")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stream", "stream-thinking-tool-call"})
    void shouldStreamExactlyTheGoldenEvents(String fixture) throws IOException {
        List<String[]> actual = events(post(fixture, MediaType.TEXT_EVENT_STREAM));
        List<String[]> expected = events(resource(fixture, "stream.txt"));

        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)[0]).as("event %d name", i).isEqualTo(expected.get(i)[0]);
            JsonNode data = JSON.readTree(actual.get(i)[1]);
            assertThat(data).as("event %d", i).isEqualTo(JSON.readTree(expected.get(i)[1]));
            assertThat(data.get("type").asString()).as("event %d type", i).isEqualTo(actual.get(i)[0]);
        }
    }

    private String post(String fixture, MediaType expectedType) throws IOException {
        String body = client.post()
                .uri("/anthropic/v1/messages")
                .header("x-api-key", "sk-ant-test")
                .header("anthropic-version", "2023-06-01")
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

    /** Anthropic's framing: {@code event: <name>}, {@code data: <json>}, a blank line. */
    private static List<String[]> events(String stream) {
        assertThat(stream).endsWith("\n\n");
        return Arrays.stream(stream.substring(0, stream.length() - 2).split("\n\n", -1))
                .map(event -> event.split("\n", -1))
                .peek(lines -> assertThat(lines).hasSize(2))
                .peek(lines -> assertThat(lines[0]).startsWith("event: "))
                .peek(lines -> assertThat(lines[1]).startsWith("data: "))
                .map(lines -> new String[]{lines[0].substring("event: ".length()), lines[1].substring("data: "
                        .length())})
                .toList();
    }

    private static String resource(String fixture, String file) throws IOException {
        String path = "fixtures/anthropic/" + fixture + "/" + file;
        try (InputStream in = AnthropicGoldenFilesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
