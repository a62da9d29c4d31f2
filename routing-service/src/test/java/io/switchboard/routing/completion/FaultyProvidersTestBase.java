package io.switchboard.routing.completion;

import io.switchboard.catalog.client.CatalogHolder;
import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.routing.support.CatalogStub;
import io.switchboard.routing.support.RoutingTestConfiguration;
import io.switchboard.routing.support.SimulatorServer;
import io.switchboard.routing.support.TestCatalog;
import io.switchboard.routing.support.UsageEventTail;
import io.switchboard.testsupport.infra.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/**
 * routing-service against providers that fail: the simulator's fault modes over real HTTP, one model per scenario on
 * providers of its own, small breaker thresholds and short timeouts. The subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
@Import(RoutingTestConfiguration.class)
abstract class FaultyProvidersTestBase {

    static final String SECRET = "routing-test-secret-0123456789abcdefghij";
    static final String PATH = "/api/v1/chat/completions";
    static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    /** Model → its providers, cheapest first. */
    static final Map<String, List<String>> MODELS = new LinkedHashMap<>();

    static {
        MODELS.put("test/failover", List.of("alpha", "beta"));
        MODELS.put("test/breaker", List.of("gamma", "delta"));
        MODELS.put("test/midstream", List.of("epsilon"));
        MODELS.put("test/cancel", List.of("zeta"));
        MODELS.put("test/keepalive", List.of("eta", "theta"));
        MODELS.put("test/retry-after", List.of("iota", "kappa"));
        MODELS.put("test/first-token", List.of("lambda", "mu"));
        MODELS.put("test/rate-limited", List.of("nu", "xi"));
        MODELS.put("test/metrics", List.of("omicron", "pi"));
    }

    static final SimulatorServer SIMULATOR = new SimulatorServer(SECRET);
    static final CatalogStub CATALOG = new CatalogStub(TestCatalog.faultLadder(SIMULATOR.url(), MODELS));
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
        registry.add("spring.data.redis.url", () -> TestInfrastructure.redis().url());
        registry.add("switchboard.internal.secret", () -> SECRET);
        registry.add("switchboard.catalog-client.url", CATALOG::url);
        registry.add("switchboard.routing.usage.spool-dir", () -> RoutingTestConfiguration.spoolDir().toString());
        registry.add("switchboard.routing.resilience.breaker.sliding-window-type", () -> "COUNT_BASED");
        registry.add("switchboard.routing.resilience.breaker.sliding-window-size", () -> "4");
        registry.add("switchboard.routing.resilience.breaker.minimum-number-of-calls", () -> "3");
        registry.add("switchboard.routing.resilience.breaker.permitted-calls-in-half-open-state", () -> "1");
        registry.add("switchboard.routing.resilience.breaker.wait-in-open-state", () -> "2s");
        registry.add("switchboard.routing.resilience.timeouts.time-to-first-token", () -> "5s");
        registry.add("switchboard.routing.resilience.timeouts.stream-idle", () -> "2s");
        // Long enough for two quick failures on a busy machine, shorter than the slow first tokens below.
        registry.add("switchboard.routing.streaming.keep-alive-interval", () -> "2s");
        MODELS.values()
                .stream()
                .flatMap(List::stream)
                .distinct()
                .forEach(slug -> registry.add(slug.toUpperCase() + "_API_KEY", () -> "sk-test"));
    }

    @BeforeEach
    void catalogLoaded() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> catalog.current().isPresent());
    }

    WebTestClient.ResponseSpec post(String body) {
        return web.post()
                .uri(PATH)
                .headers(headers -> proof.sign(new InternalIdentity("tenant-f", "key-f", "req-" + UUID.randomUUID()),
                        HttpMethod.POST, PATH, headers))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.getBytes(StandardCharsets.UTF_8))
                .exchange();
    }

    /** A non-streamed answer: status checked by the caller, body and headers kept. */
    EntityExchangeResult<String> complete(String body) {
        return post(body).expectStatus().isOk().expectBody(String.class).returnResult();
    }

    /** Every server-sent event of a streamed answer (comments included), read to the end. */
    static List<ServerSentEvent<String>> events(FluxExchangeResult<ServerSentEvent<String>> result) {
        List<ServerSentEvent<String>> events = new ArrayList<>();
        StepVerifier.create(result.getResponseBody())
                .recordWith(() -> events)
                .thenConsumeWhile(event -> true)
                .expectComplete()
                .verify(Duration.ofSeconds(60));
        return events;
    }

    /** The {@code data} of every event, without comments. */
    static List<String> data(List<ServerSentEvent<String>> events) {
        return events.stream().map(ServerSentEvent::data).filter(Objects::nonNull).toList();
    }

    /** A chat request for {@code model} with an {@code echo:} prompt and the given extra top-level fields. */
    static String chat(String model, boolean stream, String extraFields) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"echo: one two three four five six\"}]"
                + (extraFields.isEmpty() ? "" : "," + extraFields) + "}";
    }
}
