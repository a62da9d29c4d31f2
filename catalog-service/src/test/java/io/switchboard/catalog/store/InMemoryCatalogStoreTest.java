package io.switchboard.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.kit.error.ApiException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class InMemoryCatalogStoreTest {

    private final InMemoryCatalogStore store = new InMemoryCatalogStore();

    @Test
    void shouldAnswer503UntilACatalogIsInstalled() {
        assertThat(store.loaded()).isEmpty();
        assertThat(store.revision()).isZero();
        assertThatThrownBy(store::current).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(503));
    }

    @Test
    void shouldInstallOnlyNewerRevisions() {
        assertThat(store.offer(2, catalog("v2"))).isTrue();

        assertThat(store.offer(1, catalog("v1"))).isFalse();
        assertThat(store.offer(2, catalog("v2b"))).isFalse();
        assertThat(store.current().version()).isEqualTo("v2");
        assertThat(store.offer(3, catalog("v3"))).isTrue();
        assertThat(store.revision()).isEqualTo(3);
    }

    @Test
    void shouldInstallAnOlderRevisionOnReset() {
        store.offer(7, catalog("v7"));

        store.reset(1, catalog("v1"));

        assertThat(store.current().version()).isEqualTo("v1");
        assertThat(store.revision()).isEqualTo(1);
    }

    @Test
    void shouldReplayTheCurrentCatalogThenEachNewVersion() {
        store.offer(1, catalog("v1"));

        StepVerifier.create(store.snapshots().map(CatalogSnapshot::version).take(3))
                .expectNext("v1")
                .then(() -> store.offer(2, catalog("v1")))
                .then(() -> store.offer(3, catalog("v2")))
                .then(() -> store.offer(4, catalog("v3")))
                .expectNext("v2", "v3")
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void shouldCompleteTheChangesOnClose() {
        store.offer(1, catalog("v1"));

        StepVerifier.create(store.snapshots().map(CatalogSnapshot::version))
                .expectNext("v1")
                .then(store::close)
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        assertThat(store.isClosed()).isTrue();
    }

    @Test
    void shouldStreamChangesAgainOnceReopened() {
        store.offer(1, catalog("v1"));
        store.close();

        store.open();

        assertThat(store.isClosed()).isFalse();
        StepVerifier.create(store.snapshots().map(CatalogSnapshot::version).take(2))
                .expectNext("v1")
                .then(() -> store.offer(2, catalog("v2")))
                .expectNext("v2")
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    private static CatalogSnapshot catalog(String version) {
        return new CatalogSnapshot(version, List.of(), List.of(), List.of());
    }
}
