package io.switchboard.simulator.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.simulator.fault.FaultRegistry;
import io.switchboard.simulator.generation.GenerationMonitor;
import io.switchboard.simulator.generation.Generator;
import io.switchboard.simulator.reply.ReplyDefaults;
import io.switchboard.simulator.reply.ReplyPlanner;
import io.switchboard.simulator.reply.Timing;
import io.switchboard.simulator.reply.TokenCounter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exact OpenAI wire output for the cases under {@code fixtures/openai/<case>/}: {@code request.json} in,
 * {@code response.json} (compared as JSON) or {@code stream.txt} (compared event by event, each event's JSON as JSON)
 * out. Clock and ids are fixed; timing is near zero, since only the bytes are under test here.
 */
class OpenAiGoldenFilesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final WebTestClient client = WebTestClient.bindToRouterFunction(OpenAiRoutes.routes(
            new OpenAiChatHandler(new ReplyPlanner(new ReplyDefaults(new Timing(Duration.ZERO, 1_000_000), 24, null),
                    TokenCounter.cl100kBase()), new Generator(new GenerationMonitor(new SimpleMeterRegistry())),
                    CLOCK, () -> "SimulatorFixedId0000000000000", new FaultRegistry())))
            .build();

    @ParameterizedTest
    @ValueSource(strings = {"plain", "max-tokens-length", "tool-call"})
    void shouldAnswerExactlyAsTheGoldenResponse(String fixture) throws IOException {
        String body = post(fixture, MediaType.APPLICATION_JSON);

        assertThat(JSON.readTree(body)).isEqualTo(JSON.readTree(resource(fixture, "response.json")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stream-include-usage", "stream-without-usage", "stream-reasoning-tool-call"})
    void shouldStreamExactlyTheGoldenEvents(String fixture) throws IOException {
        String body = post(fixture, MediaType.TEXT_EVENT_STREAM);

        List<String> actual = events(body);
        List<String> expected = events(resource(fixture, "stream.txt"));
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            String want = expected.get(i);
            String got = actual.get(i);
            if (want.equals("[DONE]")) {
                assertThat(got).as("event %d", i).isEqualTo(want);
            } else {
                assertThat(JSON.readTree(got)).as("event %d", i).isEqualTo(JSON.readTree(want));
            }
        }
    }

    private String post(String fixture, MediaType expectedType) throws IOException {
        String body = client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer sk-test")
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

    /** Splits OpenAI framing: each event is {@code data: <payload>} followed by a blank line, nothing else. */
    private static List<String> events(String stream) {
        assertThat(stream).endsWith("\n\n");
        return Arrays.stream(stream.substring(0, stream.length() - 2).split("\n\n", -1))
                .peek(event -> assertThat(event).startsWith("data: ").doesNotContain("\n"))
                .map(event -> event.substring("data: ".length()))
                .toList();
    }

    private static String resource(String fixture, String file) throws IOException {
        String path = "fixtures/openai/" + fixture + "/" + file;
        try (InputStream in = OpenAiGoldenFilesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
