package io.switchboard.billing;

import io.switchboard.billing.ingest.ConsumerProperties;
import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.kit.identity.Role;
import io.switchboard.ledger.CreditLedger;
import io.switchboard.testsupport.infra.TestInfrastructure;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * billing-service on the test JVM's real Redis and Kafka, called over HTTP with signed identities as the gateway would.
 * Subclasses share one application context (and so one consumer group), unless they add configuration.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S")
public abstract class BillingIT {

    public static final String SECRET = "billing-test-secret-0123456789abcdefghij";

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected IdentityProof proof;

    @Autowired
    protected CreditLedger ledger;

    @Autowired
    protected ConsumerProperties consumer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", () -> TestInfrastructure.redis().url());
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("switchboard.internal.secret", () -> SECRET);
        registry.add("switchboard.billing.consumer.group-id", () -> "billing-it-" + UUID.randomUUID());
        registry.add("switchboard.billing.consumer.retry-backoff", () -> "200ms");
    }

    /** Waits until every record produced so far on billing's topics has been applied. */
    protected void awaitConsumed() {
        TestKafka.awaitConsumed(consumer.groupId());
    }

    protected WebTestClient.ResponseSpec get(String pathAndQuery, InternalIdentity caller) {
        return web.mutate()
                .responseTimeout(Duration.ofSeconds(60))
                .build()
                .get()
                .uri(pathAndQuery)
                .headers(headers -> proof.sign(caller, HttpMethod.GET, pathAndQuery, headers))
                .exchange();
    }

    protected WebTestClient.ResponseSpec post(String path, String json, InternalIdentity caller) {
        return web.mutate()
                .responseTimeout(Duration.ofSeconds(60))
                .build()
                .post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> proof.sign(caller, HttpMethod.POST, path, headers))
                .bodyValue(json)
                .exchange();
    }

    protected static InternalIdentity user(String tenant) {
        return new InternalIdentity(tenant, "key-a", "req-" + UUID.randomUUID(), Role.USER);
    }

    protected static InternalIdentity manager(String tenant) {
        return new InternalIdentity(tenant, "mgmt-key", "req-" + UUID.randomUUID(), Role.MANAGER);
    }

    protected static InternalIdentity operator() {
        return new InternalIdentity("ops", "operator-key", "req-" + UUID.randomUUID(), Role.OPERATOR);
    }
}
