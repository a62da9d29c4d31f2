package io.switchboard.billing.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.testsupport.contract.OpenRouterContract;
import io.switchboard.testsupport.infra.TestInfrastructure;
import io.switchboard.usage.Outcome;
import io.switchboard.usage.UsageEvent;
import io.switchboard.usage.UsageEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GenerationApiIT {

    static final String SECRET = "billing-test-secret-0123456789abcdefghij";

    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    WebTestClient web;

    @Autowired
    IdentityProof proof;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", () -> TestInfrastructure.redis().url());
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("switchboard.internal.secret", () -> SECRET);
        registry.add("switchboard.billing.consumer.group-id", () -> "billing-it-" + UUID.randomUUID());
    }

    @BeforeAll
    static void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void shouldServeAConsumedGenerationToItsTenantOnly() throws Exception {
        String id = newId();
        publish(GenerationViewTest.event(id, "tenant-a", Outcome.COMPLETED));

        String body = awaitGeneration(id, "tenant-a");

        OpenRouterContract.assertConforms("GenerationResponse", body);
        assertThat(body).contains("\"id\":\"" + id + "\"");
        get(id, "tenant-b").expectStatus().isNotFound();
    }

    @Test
    void shouldKeepTheFirstRecordWhenAnEventIdArrivesAgain() throws Exception {
        String id = newId();
        publish(GenerationViewTest.event(id, "tenant-a", Outcome.COMPLETED));
        awaitGeneration(id, "tenant-a");
        String marker = newId();

        publish(GenerationViewTest.event(id, "tenant-a", Outcome.CANCELLED));
        publish(GenerationViewTest.event(marker, "tenant-a", Outcome.COMPLETED));
        awaitGeneration(marker, "tenant-a");

        get(id, "tenant-a").expectStatus().isOk().expectBody().jsonPath("$.data.cancelled").isEqualTo(false);
    }

    @Test
    void shouldSkipAMalformedRecordAndApplyTheNextOne() throws Exception {
        producer.send(new ProducerRecord<>(UsageEvents.TOPIC, "tenant-a",
                "{not a usage event".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        String id = newId();
        publish(GenerationViewTest.event(id, "tenant-a", Outcome.COMPLETED));

        awaitGeneration(id, "tenant-a");
    }

    @Test
    void shouldRequireAnIdAndAnIdentityProof() {
        get("", "tenant-a").expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo(400);
        web.get()
                .uri("/api/v1/generation?id=gen-1")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo(401);
    }

    private void publish(UsageEvent event) throws Exception {
        producer.send(new ProducerRecord<>(UsageEvents.TOPIC, event.subject(), UsageEvents.toJson(event)))
                .get(30, TimeUnit.SECONDS);
    }

    private String awaitGeneration(String id, String tenant) {
        String[] body = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var result = get(id, tenant).returnResult(String.class);
            if (result.getStatus().value() != 200) {
                return false;
            }
            body[0] = new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
            return true;
        });
        return body[0];
    }

    private WebTestClient.ResponseSpec get(String id, String tenant) {
        String path = "/api/v1/generation?id=" + id;
        return web.get()
                .uri(path)
                .headers(headers -> proof.sign(new InternalIdentity(tenant, "keyhash", "req-" + id), HttpMethod.GET,
                        path, headers))
                .exchange();
    }

    private static String newId() {
        return "gen-1764169200-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }
}
