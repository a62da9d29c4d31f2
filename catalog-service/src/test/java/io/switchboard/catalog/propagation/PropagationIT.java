package io.switchboard.catalog.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.catalog.CatalogTestSupport;
import io.switchboard.catalog.Replica;
import io.switchboard.catalog.SignedRequests;
import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.client.CatalogClientProperties;
import io.switchboard.catalog.client.CatalogHolder;
import io.switchboard.catalog.client.CatalogSync;
import io.switchboard.kit.ids.RandomIds;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The propagation bound, over real HTTP and Redis: an operator's edit through one catalog-service replica
 * reaches routing-service's catalog copy ({@code catalog-client}'s {@link CatalogSync}, the very class routing runs),
 * which reads from another replica, within one second, and the copy costs no catalog request per use.
 */
class PropagationIT {

    private static final Logger log = LoggerFactory.getLogger(PropagationIT.class);
    private static final Duration BOUND = Duration.ofSeconds(1);
    private static final int EDITS = 6;

    @Test
    void shouldShowEveryOperatorEditInRoutingsCopyWithinOneSecond() {
        String prefix = CatalogTestSupport.newKeyPrefix();
        try (Replica edited = Replica.start(prefix, "classpath:catalog/catalog.yaml");
                Replica polled = Replica.start(prefix, "classpath:catalog/catalog.yaml")) {
            CatalogHolder routingCopy = new CatalogHolder();
            AtomicInteger catalogRequests = new AtomicInteger();
            CatalogSync sync = new CatalogSync(routingCopy, new CatalogClientProperties(URI.create(polled.url()),
                    Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(20)),
                    WebClient.builder().filter((request, next) -> {
                        catalogRequests.incrementAndGet();
                        return next.exchange(request);
                    }), polled.proof(), new RandomIds(), "routing-service");
            sync.start();
            try {
                await(routingCopy, copy -> true, Duration.ofSeconds(60));
                // One edit first, not timed: the first use of each code path loads and compiles it, which a replica
                // serving for any length of time has long done.
                SignedRequests.asOperator(edited.client(), edited.proof(), HttpMethod.PATCH,
                        "/api/v1/admin/catalog/providers/groq", "{\"name\":\"Groq Cloud\"}").expectStatus().isOk();
                await(routingCopy, copy -> copy.provider("groq").orElseThrow().name().equals("Groq Cloud"),
                        Duration.ofSeconds(60));
                int requestsBefore = catalogRequests.get();
                List<Duration> delays = new ArrayList<>();

                for (int i = 0; i < EDITS; i++) {
                    boolean disable = i % 2 == 0;
                    long start = System.nanoTime();
                    SignedRequests.asOperator(edited.client(), edited.proof(), HttpMethod.POST,
                            "/api/v1/admin/catalog/providers/groq/" + (disable ? "disable" : "enable"), null)
                            .expectStatus()
                            .isOk();
                    await(routingCopy, copy -> copy.provider("groq").orElseThrow().disabled() == disable, BOUND);
                    delays.add(Duration.ofNanos(System.nanoTime() - start));
                }

                log.info("Operator edit to routing's copy, from the admin request: {}", delays);
                assertThat(delays).allSatisfy(delay -> assertThat(delay).isLessThan(BOUND));
                // Long-polling: one answer per change, and one request waiting; nothing per use of the copy.
                assertThat(catalogRequests.get() - requestsBefore).isLessThanOrEqualTo(EDITS + 1);
            } finally {
                sync.stop();
            }
        }
    }

    /** Waits for the copy to satisfy {@code condition}, looking every 5 ms, failing after {@code within}. */
    private static void await(CatalogHolder copy, Predicate<CatalogSnapshot> condition, Duration within) {
        StepVerifier.create(Flux.interval(Duration.ZERO, Duration.ofMillis(5))
                .filter(tick -> copy.current().filter(condition).isPresent())
                .next())
                .expectNextCount(1)
                .expectComplete()
                .verify(within);
    }
}
