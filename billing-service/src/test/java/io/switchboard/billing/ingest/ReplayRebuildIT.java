package io.switchboard.billing.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.billing.BillingProcessContext;
import io.switchboard.billing.TestEvents;
import io.switchboard.billing.TestKafka;
import io.switchboard.billing.TestRedis;
import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.kit.identity.Role;
import io.switchboard.ledger.CreditLedger;
import io.switchboard.ledger.Reservation;
import io.switchboard.usage.TokenUsage;
import io.switchboard.usage.UsageEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/**
 * Billing's state is a function of its topics: a fresh deployment reading {@code switchboard.usage.v1} and
 * {@code switchboard.credits.v1} from the beginning into an empty Redis rebuilds, key for key, the balances, key
 * spend, activity and generation records the live deployment built (reservations, which are the gateway's and
 * transient, are all settled or released by then).
 */
class ReplayRebuildIT {

    private final String acme = TestEvents.newTenant();
    private final String globex = TestEvents.newTenant();

    @Test
    void shouldRebuildIdenticalStateByReplayingTheTopicsIntoAnEmptyRedis() {
        try (TestRedis live = new TestRedis(3); TestRedis rebuilt = new TestRedis(4)) {
            live.flush();
            rebuilt.flush();
            String liveGroup = "replay-live-" + UUID.randomUUID();
            Map<String, Object> liveState;
            List<String> liveAnswers;
            String someGeneration;
            try (ConfigurableApplicationContext app = BillingProcessContext.start(live.url(), liveGroup, Map.of())) {
                someGeneration = runWorkload(app);
                TestKafka.awaitConsumed(liveGroup);
                liveState = live.snapshot();
                liveAnswers = answers(app, someGeneration);
            }
            assertThat(liveState).containsKeys("billing:{" + acme + "}:balance", "billing:{" + globex + "}:balance");
            assertThat(liveState.keySet()).anyMatch(key -> key.startsWith("billing:{" + acme + "}:activity:"))
                    .anyMatch(key -> key.startsWith("billing:{" + acme + "}:key:"))
                    .anyMatch(key -> key.equals("billing:gen:" + someGeneration));

            String replayGroup = "replay-rebuild-" + UUID.randomUUID();
            try (ConfigurableApplicationContext app = BillingProcessContext.start(rebuilt.url(), replayGroup,
                    Map.of())) {
                TestKafka.awaitConsumed(replayGroup);

                assertThat(rebuilt.snapshot()).isEqualTo(liveState);
                assertThat(answers(app, someGeneration)).isEqualTo(liveAnswers);
            }
        }
    }

    /** Top-ups through the operator API, reservations as the gateway makes them, and generations; returns one id. */
    private String runWorkload(ConfigurableApplicationContext app) {
        WebTestClient web = client(app);
        IdentityProof proof = app.getBean(IdentityProof.class);
        CreditLedger ledger = app.getBean(CreditLedger.class);
        InternalIdentity operator = new InternalIdentity("ops", "operator-key", "req-ops", Role.OPERATOR);
        topUp(web, proof, operator, acme, "invoice-1", "5");
        topUp(web, proof, operator, acme, "invoice-2", "2.5");
        topUp(web, proof, operator, acme, "invoice-1", "5");
        topUp(web, proof, operator, globex, "invoice-1", "1");

        TestEvents.Generation reserved = TestEvents.generation(acme).tokens(400, 900);
        StepVerifier.create(ledger.reserve(reservation(acme, reserved.requestId())))
                .expectNextCount(1)
                .verifyComplete();
        StepVerifier.create(ledger.reserve(reservation(acme, "req-without-generation")))
                .expectNextCount(1)
                .verifyComplete();
        StepVerifier.create(ledger.release(acme, "req-without-generation")).expectNext(true).verifyComplete();

        List<UsageEvent> events = new ArrayList<>();
        events.add(reserved.event());
        Instant now = Instant.now();
        for (int i = 0; i < 24; i++) {
            TestEvents.Generation generation = TestEvents.generation(i % 4 == 0 ? globex : acme)
                    .key(i % 3 == 0 ? "key-b" : "key-a")
                    .at(now.minus(Duration.ofHours(20L * i)))
                    .usage(new TokenUsage(100 + 37L * i, 20 + 11L * i, i % 5 == 0 ? 50 : 0, 0, i % 2 * 7, 0, false));
            if (i % 6 == 0) {
                generation = generation.served("mistralai/mistral-7b-instruct-v0.2",
                        "together:mistralai/mistral-7b-instruct-v0.2", "Together", TestEvents.MISTRAL_7B);
            }
            if (i == 7) {
                generation = generation.reportedCost(new BigDecimal("1"));
            }
            events.add(generation.event());
            if (i % 8 == 0) {
                events.add(generation.event());
            }
        }
        TestKafka.publish(events);
        return reserved.id();
    }

    private List<String> answers(ConfigurableApplicationContext app, String generationId) {
        WebTestClient web = client(app);
        IdentityProof proof = app.getBean(IdentityProof.class);
        InternalIdentity manager = new InternalIdentity(acme, "mgmt", "req-m", Role.MANAGER);
        return List.of(get(web, proof, "/api/v1/credits", manager), get(web, proof, "/api/v1/activity", manager),
                get(web, proof, "/api/v1/generation?id=" + generationId, manager),
                get(web, proof, "/api/v1/credits", new InternalIdentity(globex, "mgmt", "req-m", Role.MANAGER)));
    }

    private static Reservation reservation(String tenant, String requestId) {
        return new Reservation(tenant, "key-a", requestId, 1_000_000, null, Instant.now(), Duration.ofMinutes(10));
    }

    private static void topUp(WebTestClient web, IdentityProof proof, InternalIdentity operator, String tenant,
            String id, String amount) {
        String path = "/api/v1/admin/credits";
        web.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> proof.sign(operator, HttpMethod.POST, path, headers))
                .bodyValue("{\"tenant_id\":\"" + tenant + "\",\"id\":\"" + id + "\",\"amount\":" + amount + "}")
                .exchange()
                .expectStatus()
                .isOk();
    }

    private static String get(WebTestClient web, IdentityProof proof, String path, InternalIdentity caller) {
        byte[] body = web.get()
                .uri(path)
                .headers(headers -> proof.sign(caller, HttpMethod.GET, path, headers))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBodyContent();
        return new String(body, StandardCharsets.UTF_8);
    }

    private static WebTestClient client(ConfigurableApplicationContext app) {
        String port = app.getEnvironment().getRequiredProperty("local.server.port");
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .build();
    }
}
