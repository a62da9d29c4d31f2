package io.switchboard.routing.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.netty.handler.codec.http.HttpHeaders;
import io.switchboard.catalog.api.DataPolicy;
import io.switchboard.catalog.api.Endpoint;
import io.switchboard.catalog.api.Pricing;
import io.switchboard.catalog.api.Provider;
import io.switchboard.catalog.api.WireFormat;
import io.switchboard.routing.chat.ChatChunk;
import io.switchboard.routing.chat.ChatRequestReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one contract every adapter passes, case by case from golden files under
 * {@code fixtures/<format>/<case>/}: {@code request.json} (the client's OpenRouter request) goes into the adapter,
 * which must send exactly {@code provider-request.json} to the provider; the provider answers with
 * {@code provider-response.json} or the raw event stream {@code provider-stream.txt} (written from the provider's
 * documentation), and the adapter must produce {@code expected-response.json} or the chunks of
 * {@code expected-stream.txt}, compared as JSON. An optional {@code exchange.json} sets the provider's status and
 * headers, the endpoint's catalog entry, and the failure the adapter must report instead of (or after) its output.
 * Every format needs at least the cases plain, stream, tools, reasoning or structured output, and error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProviderContractIT {

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    static final String API_KEY = "sk-fixture-key";
    static final AdapterProperties ADAPTERS = new AdapterProperties(List.of("simulator"), 4096);
    static final ProviderHttpProperties HTTP = new ProviderHttpProperties(Duration.ofSeconds(5),
            Duration.ofSeconds(30), 16, 8192);
    static final List<String> ALL_PARAMETERS = List.of("max_tokens", "temperature", "top_p", "top_k", "stop", "seed",
            "frequency_penalty", "presence_penalty", "repetition_penalty", "logprobs", "top_logprobs", "tools",
            "tool_choice", "parallel_tool_calls", "response_format", "structured_outputs", "reasoning",
            "include_reasoning", "logit_bias", "min_p", "top_a");
    private static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(30);

    private final FixtureServer server = new FixtureServer();
    private final WebClient client = WebClient.builder()
            .clientConnector(new ReactorClientHttpConnector(HttpClient.create()))
            .build();
    private final ChatRequestReader reader = new ChatRequestReader(JSON);

    /** The fixture folder: {@code openai}, {@code anthropic}, {@code gemini}. */
    abstract String format();

    abstract WireFormat wireFormat();

    abstract ProviderAdapter adapter(WebClient client, JsonMapper mapper, Clock clock);

    /** The provider's base URL path, as the catalog gives it ({@code /v1}, {@code /v1beta}). */
    abstract String basePath();

    /** The upstream model name of the fixtures' endpoint. */
    abstract String upstreamModel();

    /** Path and query the adapter must call. */
    abstract String expectedUri(boolean stream);

    /** How the adapter must pass the credential. */
    abstract void assertCredential(HttpHeaders headers);

    Stream<String> cases() {
        try (Stream<Path> dirs = Files.list(fixtures())) {
            return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldHaveTheRequiredCases() {
        List<String> cases = cases().toList();
        assertThat(cases).anyMatch(name -> name.startsWith("plain"));
        assertThat(cases).anyMatch(name -> name.startsWith("stream"));
        assertThat(cases).anyMatch(name -> name.startsWith("tools"));
        assertThat(cases).anyMatch(name -> name.startsWith("reasoning") || name.startsWith("structured"));
        assertThat(cases).anyMatch(name -> name.startsWith("error"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldSpeakTheProvidersWireFormatExactlyAsTheGoldenFilesSay(String name) throws IOException {
        Path dir = fixtures().resolve(name);
        JsonNode exchange = Files.exists(dir.resolve("exchange.json"))
                ? JSON.readTree(Files.readString(dir.resolve("exchange.json")))
                : JSON.createObjectNode();
        boolean stream = Files.exists(dir.resolve("provider-stream.txt"));
        server.answer(answer(dir, exchange, stream));
        ProviderAdapter adapter = adapter(client, JSON, CLOCK);
        ProviderCall call = new ProviderCall(provider(), endpoint(exchange.path("endpoint")),
                reader.read(Files.readAllBytes(dir.resolve("request.json"))), API_KEY);
        List<JsonNode> output = new ArrayList<>();
        JsonNode error = exchange.path("error");

        StepVerifier.Step<?> run = stream
                ? StepVerifier.create(adapter.stream(call).map(ProviderContractIT::asWritten))
                        .recordWith(() -> output)
                        .thenConsumeWhile(chunk -> true)
                : StepVerifier.create(adapter.complete(call).map(ProviderContractIT::asWritten))
                        .recordWith(() -> output)
                        .thenConsumeWhile(completion -> true);
        if (error.isMissingNode()) {
            run.expectComplete().verify(VERIFY_TIMEOUT);
        } else {
            run.expectErrorSatisfies(failure -> assertThat(failure).isInstanceOfSatisfying(ProviderException.class,
                    provider -> {
                        assertThat(provider.status()).as("status").isEqualTo(error.path("status").asInt());
                        assertThat(provider.retryable()).as("retryable")
                                .isEqualTo(error.path("retryable")
                                        .asBoolean());
                        if (error.has("retry_after_seconds")) {
                            assertThat(provider.retryAfter()).isEqualTo(Duration.ofSeconds(error.path(
                                    "retry_after_seconds").asLong()));
                        }
                    }))
                    .verify(VERIFY_TIMEOUT);
        }

        FixtureServer.Captured sent = Objects.requireNonNull(server.captured(), "the adapter sent nothing");
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.uri()).isEqualTo(basePath() + expectedUri(call.request().isStream()));
        assertThat(sent.headers().get("Content-Type")).startsWith("application/json");
        assertCredential(sent.headers());
        assertThat(JSON.readTree(sent.body())).as("provider request")
                .isEqualTo(JSON.readTree(Files.readString(dir.resolve("provider-request.json"))));
        assertOutput(dir, stream, output);
    }

    private void assertOutput(Path dir, boolean stream, List<JsonNode> output) throws IOException {
        Path expected = dir.resolve(stream ? "expected-stream.txt" : "expected-response.json");
        if (!Files.exists(expected)) {
            if (!output.isEmpty()) {
                Path actual = Path.of("target", "fixture-actual", format(), dir.getFileName().toString(),
                        expected.getFileName().toString());
                Files.createDirectories(actual.getParent());
                Files.writeString(actual, stream
                        ? asStream(output)
                        : JSON.writerWithDefaultPrettyPrinter()
                                .writeValueAsString(output.getFirst()));
                fail("No " + expected.getFileName() + "; the adapter's output is in " + actual.toAbsolutePath());
            }
            return;
        }
        if (stream) {
            List<JsonNode> events = events(Files.readString(expected));
            assertThat(output).as("chunks").hasSameSizeAs(events);
            for (int i = 0; i < events.size(); i++) {
                assertThat(output.get(i)).as("chunk %d", i).isEqualTo(events.get(i));
            }
        } else {
            assertThat(output).singleElement().isEqualTo(JSON.readTree(Files.readString(expected)));
        }
    }

    /** A record as the JSON it is written as, so numbers compare by value whatever their Java type. */
    private static JsonNode asWritten(Object value) {
        return JSON.readTree(JSON.writeValueAsString(value));
    }

    /** OpenAI's framing: {@code data: <json>} and a blank line per chunk. */
    private static List<JsonNode> events(String stream) {
        return Arrays.stream(stream.split("\n\n"))
                .map(String::strip)
                .filter(event -> !event.isEmpty())
                .peek(event -> assertThat(event).startsWith("data: "))
                .map(event -> JSON.readTree(event.substring("data: ".length())))
                .toList();
    }

    private static String asStream(List<JsonNode> chunks) {
        StringBuilder text = new StringBuilder();
        chunks.forEach(chunk -> text.append("data: ").append(JSON.writeValueAsString(chunk)).append("\n\n"));
        return text.toString();
    }

    private static FixtureServer.Answer answer(Path dir, JsonNode exchange, boolean stream) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.path("headers")
                .properties()
                .forEach(header -> headers.put(header.getKey(), header.getValue()
                        .asString()));
        String body = Files.readString(dir.resolve(stream ? "provider-stream.txt" : "provider-response.json"));
        int status = exchange.path("status").asInt(200);
        String type = stream && status == 200 ? "text/event-stream" : "application/json";
        return new FixtureServer.Answer(status, type, headers, body);
    }

    private Provider provider() {
        return new Provider(format(), format(), wireFormat(), server.url() + basePath(), "FIXTURE_API_KEY",
                DataPolicy.NONE, false);
    }

    private Endpoint endpoint(JsonNode overrides) {
        List<String> parameters = overrides.has("supported_parameters")
                ? overrides.get("supported_parameters").valueStream().map(JsonNode::asString).toList()
                : ALL_PARAMETERS;
        JsonNode limit = overrides.path("max_completion_tokens");
        @Nullable
        Long maxCompletion = limit.isMissingNode() ? Long.valueOf(8192) : limit.isNull() ? null : limit.asLong();
        return new Endpoint(format() + ":fixture/model", "fixture/model", format(), upstreamModel(),
                new Pricing(new BigDecimal("0.000001"), new BigDecimal("0.000002"), null, null, null, null, null,
                        null),
                200_000, maxCompletion, "unknown", parameters, format(), false);
    }

    private Path fixtures() {
        try {
            return Path.of(Objects.requireNonNull(getClass().getResource("/fixtures/" + format())).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

}
