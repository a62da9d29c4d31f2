package io.switchboard.catalog.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.catalog.CatalogTestSupport;
import io.switchboard.catalog.Replica;
import io.switchboard.catalog.SignedRequests;
import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.api.Endpoint;
import java.math.BigDecimal;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpMethod;
import reactor.test.StepVerifier;

/** The shared catalog across replicas and restarts: the file as baseline, the operator's edits persisted over it. */
class CatalogStateIT {

    private static final String VALID = "classpath:catalogs/valid.yaml";
    private static final String ADMIN = "/api/v1/admin/catalog";
    private static final String GAMMA = """
            {"slug":"gamma","name":"Gamma","wire_format":"openai","base_url":"https://api.gamma.example/v1",
             "data_policy":{"training":false,"retains_prompts":false}}""";
    private static final String GAMMA_VISION = """
            {"model":"acme/vision","provider":"gamma","upstream_model":"vision","pricing":{"prompt":"0.0000001",
             "completion":"0.0000001"},"context_length":65536,"quantization":"unknown",
             "supported_parameters":["max_tokens"],"tag":"gamma"}""";

    private final String prefix = CatalogTestSupport.newKeyPrefix();

    @Test
    void shouldKeepOperatorEditsAcrossARestart() {
        try (Replica first = Replica.start(prefix, VALID)) {
            edit(first, HttpMethod.PATCH, ADMIN + "/endpoints/alpha/acme/small",
                    "{\"pricing\":{\"prompt\":\"0.0000009\"}}");
        }

        try (Replica second = Replica.start(prefix, VALID)) {
            assertThat(endpoint(second.store().current(), "alpha:acme/small").pricing().prompt())
                    .isEqualTo(new BigDecimal("0.0000009"));
        }
    }

    @Test
    void shouldLetAChangedFileShowThroughWhereNoEditCoversIt() {
        try (Replica first = Replica.start(prefix, VALID)) {
            edit(first, HttpMethod.PATCH, ADMIN + "/endpoints/alpha/acme/small",
                    "{\"pricing\":{\"prompt\":\"0.0000009\"}}");
        }

        try (Replica second = Replica.start(prefix, "classpath:catalogs/price-changed.yaml")) {
            CatalogSnapshot catalog = second.store().current();
            assertThat(endpoint(catalog, "alpha:acme/small").pricing().prompt()).isEqualTo(new BigDecimal("0.0000009"));
            assertThat(endpoint(catalog, "beta:acme/vision").pricing().prompt())
                    .isEqualTo(new BigDecimal("0.00000021"));
        }
    }

    @Test
    void shouldShowAnEditMadeOnOneReplicaOnTheOther() {
        try (Replica first = Replica.start(prefix, VALID); Replica second = Replica.start(prefix, VALID)) {
            StepVerifier.create(second.store()
                    .snapshots()
                    .filter(catalog -> catalog.provider("beta").orElseThrow().disabled())
                    .next())
                    .then(() -> edit(first, HttpMethod.POST, ADMIN + "/providers/beta/disable", null))
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));
            assertThat(second.store().current().version()).isEqualTo(first.store().current().version());
        }
    }

    @Test
    void shouldStayNotReadyWhileTheFileDoesNotFitTheEdits() {
        try (Replica first = Replica.start(prefix, VALID)) {
            edit(first, HttpMethod.POST, ADMIN + "/providers", GAMMA);
            edit(first, HttpMethod.POST, ADMIN + "/endpoints", GAMMA_VISION);

            try (Replica second = Replica.start(prefix, "classpath:catalogs/without-vision.yaml")) {
                CatalogSynchronizer synchronizer = second.bean(CatalogSynchronizer.class);
                assertThat(synchronizer.baselineProblems())
                        .containsExactly("endpoints[gamma:acme/vision].model: unknown model 'acme/vision'");
                assertThat(second.store().current().model("acme/vision")).isPresent();
                assertReadiness(second, Status.DOWN);

                StepVerifier.create(second.store()
                        .snapshots()
                        .filter(catalog -> catalog.model("acme/vision").isEmpty())
                        .next())
                        .then(() -> edit(first, HttpMethod.DELETE, ADMIN + "/endpoints/gamma/acme/vision/edits", null))
                        .expectNextCount(1)
                        .expectComplete()
                        .verify(Duration.ofSeconds(30));
                assertThat(synchronizer.isBaselineInstalled()).isTrue();
                assertReadiness(second, Status.UP);
            }
        }
    }

    @Test
    void shouldInstallTheFileAgainWhenRedisLostTheCatalog() {
        try (Replica replica = Replica.start(prefix, VALID)) {
            edit(replica, HttpMethod.POST, ADMIN + "/providers/beta/disable", null);
            ReactiveStringRedisTemplate redis = replica.bean(ReactiveStringRedisTemplate.class);

            StepVerifier.create(replica.store()
                    .snapshots()
                    .filter(catalog -> !catalog.provider("beta").orElseThrow().disabled())
                    .next())
                    .then(() -> StepVerifier.create(redis.keys(prefix + "*")
                            .collectList()
                            .flatMap(keys -> redis
                                    .delete(keys.toArray(String[]::new))))
                            .expectNextCount(1)
                            .verifyComplete())
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));
            assertThat(replica.store().revision()).isEqualTo(1);
        }
    }

    private static void edit(Replica replica, HttpMethod method, String path, @Nullable String json) {
        SignedRequests.asOperator(replica.client(), replica.proof(), method, path, json)
                .expectStatus()
                .is2xxSuccessful();
    }

    private static Endpoint endpoint(CatalogSnapshot catalog, String id) {
        return catalog.endpoints().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    private static void assertReadiness(Replica replica, Status expected) {
        ReactiveHealthIndicator indicator = replica.bean(CatalogStateHealthIndicator.class);
        StepVerifier.create(indicator.health().map(Health::getStatus))
                .expectNext(expected)
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }
}
