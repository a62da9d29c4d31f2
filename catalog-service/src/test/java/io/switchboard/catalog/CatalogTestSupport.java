package io.switchboard.catalog;

import io.switchboard.catalog.store.CatalogStore;
import io.switchboard.testsupport.infra.TestInfrastructure;
import java.time.Duration;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import reactor.test.StepVerifier;

/** What every catalog-service integration test needs: the shared test Redis, under keys of its own, and a loaded store. */
public final class CatalogTestSupport {

    private CatalogTestSupport() {
    }

    /**
     * Points the service at the test Redis with a key prefix no other test class uses, so each class starts from an
     * empty catalog state however many classes share the Redis.
     */
    public static void properties(DynamicPropertyRegistry registry) {
        String prefix = newKeyPrefix();
        registry.add("spring.data.redis.url", () -> TestInfrastructure.redis().url());
        registry.add("switchboard.catalog.redis.key-prefix", () -> prefix);
        registry.add("switchboard.internal.secret", () -> SignedRequests.SECRET);
    }

    public static String newKeyPrefix() {
        return "catalog-test-" + UUID.randomUUID() + ":";
    }

    /** Waits (generously: other builds share the machine) until the store holds the catalog read from Redis. */
    public static void awaitLoaded(CatalogStore store) {
        StepVerifier.create(store.snapshots().next())
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(60));
    }
}
