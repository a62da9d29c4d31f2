package io.switchboard.routing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.catalog.client.CatalogHolder;
import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.routing.support.CatalogStub;
import io.switchboard.routing.support.RoutingTestConfiguration;
import io.switchboard.routing.support.SimulatorServer;
import io.switchboard.routing.support.TestCatalog;
import io.switchboard.routing.support.UsageEventTail;
import io.switchboard.testsupport.infra.TestInfrastructure;
import io.switchboard.usage.UsageEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The acceptance test of durable usage events: Kafka stopped for 30 seconds during traffic. Requests keep being
 * served; every generation's event arrives once Kafka is back, and none twice, with the trace context of its request
 * (kept in the journal with it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
@Import(RoutingTestConfiguration.class)
class KafkaOutageIT {

    static final String SECRET = "routing-test-secret-0123456789abcdefghij";
    static final String PATH = "/api/v1/chat/completions";
    static final String MODEL = "test/usage";
    static final Duration OUTAGE = Duration.ofSeconds(30);

    static final SimulatorServer SIMULATOR = new SimulatorServer(SECRET);
    static final CatalogStub CATALOG = new CatalogStub(
            TestCatalog.faultLadder(SIMULATOR.url(), Map.of(MODEL, List.of("omicron"))));
    static final UsageEventTail USAGE = new UsageEventTail(TestInfrastructure.kafka().bootstrapServers());

    @Autowired
    WebTestClient web;

    @Autowired
    IdentityProof proof;

    @Autowired
    CatalogHolder catalog;

    @Autowired
    DurableUsagePublisher publisher;

    /** The trace id each request was sent with, by generation id. */
    final Map<String, String> traceIds = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("spring.data.redis.url", () -> TestInfrastructure.redis().url());
        registry.add("switchboard.internal.secret", () -> SECRET);
        registry.add("switchboard.catalog-client.url", CATALOG::url);
        registry.add("OMICRON_API_KEY", () -> "sk-test");
        registry.add("switchboard.routing.usage.spool-dir", () -> RoutingTestConfiguration.spoolDir().toString());
        // Sends fail within the outage, so events go through the journal's retry path, few at a time in memory.
        registry.add("switchboard.routing.usage.delivery-timeout", () -> "5s");
        registry.add("switchboard.routing.usage.max-block", () -> "2s");
        registry.add("switchboard.routing.usage.max-in-flight", () -> "4");
        registry.add("switchboard.routing.usage.retry-backoff", () -> "200ms");
        registry.add("switchboard.routing.usage.max-retry-backoff", () -> "2s");
    }

    @AfterAll
    static void stopAll() {
        USAGE.close();
        CATALOG.close();
        SIMULATOR.close();
    }

    @Test
    void shouldDeliverEveryUsageEventExactlyOnceAfterKafkaWasDownForThirtySecondsOfTraffic() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> catalog.current().isPresent());
        USAGE.await(request(false));

        List<String> duringOutage = new ArrayList<>();
        TestInfrastructure.kafka().stop();
        try {
            Instant end = Instant.now().plus(OUTAGE);
            while (Instant.now().isBefore(end)) {
                duringOutage.add(request(duringOutage.size() % 2 == 0));
                // Pacing the traffic over the outage, not a timing assertion.
                Thread.sleep(1_000);
            }
            assertThat(duringOutage).allSatisfy(id -> assertThat(USAGE.count(id)).isZero());
        } finally {
            TestInfrastructure.kafka().start();
        }

        Awaitility.await()
                .atMost(Duration.ofMinutes(3))
                .untilAsserted(
                        () -> assertThat(duringOutage).allSatisfy(id -> assertThat(USAGE.count(id)).isPositive()));
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> publisher.undeliveredBytes() == 0);
        // Same tenant, same partition: once this later event is read, everything sent before it has been too.
        USAGE.await(request(false));

        assertThat(duringOutage).hasSizeGreaterThanOrEqualTo(20).doesNotHaveDuplicates();
        assertThat(duringOutage).allSatisfy(id -> {
            List<UsageEvent> events = USAGE.all(id);
            assertThat(events).as("usage events of %s", id).hasSize(1);
            assertThat(events.getFirst().data().generationId()).isEqualTo(id);
            assertThat(USAGE.traceparent(id)).as("traceparent of %s", id)
                    .startsWith("00-" + traceIds.get(id) + "-");
        });
    }

    /** One request of the traffic; returns its generation id once it has been answered with 200. */
    private String request(boolean stream) {
        String body = "{\"model\":\"" + MODEL + "\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"echo: usage during an outage\"}]}";
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String id = web.post()
                .uri(PATH)
                .headers(headers -> {
                    proof.sign(new InternalIdentity("tenant-outage", "key-o", "req-" + UUID.randomUUID()),
                            HttpMethod.POST, PATH, headers);
                    headers.set("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.getBytes(StandardCharsets.UTF_8))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseHeaders()
                .getFirst("X-Generation-Id");
        traceIds.put(id, traceId);
        return id;
    }
}
