package io.switchboard.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.RedisKeys;
import io.switchboard.gateway.auth.ApiKeys;
import io.switchboard.gateway.support.GatewayTest;
import io.switchboard.gateway.support.KeyRecords;
import io.switchboard.gateway.support.TestCatalog;
import io.switchboard.kit.identity.Role;
import io.switchboard.testsupport.infra.TestInfrastructure;
import io.switchboard.usage.Cost;
import io.switchboard.usage.Outcome;
import io.switchboard.usage.PriceSnapshot;
import io.switchboard.usage.TokenUsage;
import io.switchboard.usage.UsageData;
import io.switchboard.usage.UsageEvent;
import io.switchboard.usage.UsageEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import reactor.test.StepVerifier;

/** Token estimates corrected by the real usage, read from {@code switchboard.usage.v1} on a real Kafka broker. */
@TestPropertySource(properties = "switchboard.gateway.token-correction.enabled=true")
class TokenCorrectionIT extends GatewayTest {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("spring.kafka.consumer.auto-offset-reset", () -> "earliest");
    }

    @Test
    void shouldGiveBackWhatARequestsUsageShowsItDidNotNeed() throws Exception {
        String tenant = newTenantId();
        String key = newKey(tenant, Role.USER, KeyRecords.rateLimits(null, 1000));
        topUp(tenant, 1_000_000_000L);
        String requestId = complete(key, 200);
        complete(key, 429);

        publish(usage(tenant, ApiKeys.hash(key), requestId, 40, 10));

        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(
                        () -> StepVerifier.create(redis.hasKey(RedisKeys.tokenEstimate(ApiKeys.hash(key), requestId)))
                                .expectNext(false)
                                .verifyComplete());
        complete(key, 200);
    }

    private String complete(String key, int status) {
        return web.post()
                .uri("/api/v1/chat/completions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(chat(TestCatalog.CHEAP, 600))
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst("X-Request-Id");
    }

    private static void publish(UsageEvent event) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka()
                .bootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(UsageEvents.TOPIC, event.data().tenantId(), UsageEvents.toJson(
                    event))).get();
        }
    }

    private UsageEvent usage(String tenant, String keyHash, String requestId, long prompt, long completion) {
        TokenUsage tokens = new TokenUsage(prompt, completion, 0, 0, 0, 0, false);
        PriceSnapshot price = PriceSnapshot.perToken("0.000001", "0.000002");
        UsageData data = new UsageData("gen-1764158400-" + IDS.next("", 20), tenant, keyHash, requestId,
                TestCatalog.CHEAP, TestCatalog.CHEAP, "acme", "ACME", "acme:" + TestCatalog.CHEAP, null, false,
                Outcome.COMPLETED, "stop", "stop", tokens, price, Cost.of(tokens, price), clock.instant(), 100, 20L,
                List.of(), null, null, null);
        return UsageEvent.of("/switchboard/routing-service", clock.instant(), data);
    }
}
