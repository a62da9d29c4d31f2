package io.switchboard.catalog.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.kit.ids.RandomIds;
import io.switchboard.testsupport.infra.FreePorts;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/** CatalogSync against a stub catalog-service over real HTTP: what it asks, and what each kind of answer leads to. */
class CatalogSyncIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "catalog-client-test-secret-0123456789";

    /** What the stub answers: a status, the catalog (for 200) and whether it says it long-polled. */
    private record Answer(int status, @Nullable CatalogSnapshot catalog, boolean longPolled) {
    }

    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();
    private final List<String> prefer = new CopyOnWriteArrayList<>();
    private final CatalogHolder holder = new CatalogHolder();
    private DisposableServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.disposeNow();
        }
    }

    @Test
    void shouldInstallTheCatalogAndNoteAServerThatDoesNotLongPoll() {
        serve(new Answer(200, catalog("v1"), false));

        StepVerifier.create(sync(Duration.ofSeconds(20)).refresh())
                .expectNext(CatalogSync.Outcome.ANSWERED)
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        assertThat(holder.require().version()).isEqualTo("v1");
        assertThat(prefer).containsExactly("wait=20");
        assertThat(ifNoneMatch).containsExactly("");
    }

    @Test
    void shouldAskWithTheHeldVersionAndAskAgainAtOnceAfterALongPoll() {
        holder.replace(catalog("v1"));
        serve(new Answer(304, null, true));

        StepVerifier.create(sync(Duration.ofSeconds(20)).refresh())
                .expectNext(CatalogSync.Outcome.LONG_POLLED)
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        assertThat(ifNoneMatch).containsExactly("\"v1\"");
        assertThat(holder.require().version()).isEqualTo("v1");
    }

    @Test
    void shouldNotAskToWaitWhenLongPollingIsOff() {
        serve(new Answer(200, catalog("v1"), false));

        StepVerifier.create(sync(Duration.ZERO).refresh())
                .expectNext(CatalogSync.Outcome.ANSWERED)
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        assertThat(prefer).containsExactly("");
    }

    @Test
    void shouldKeepTheInstalledCatalogWhenTheSameVersionComesAgain() {
        CatalogSnapshot held = catalog("v1");
        holder.replace(held);
        serve(new Answer(200, catalog("v1"), false));

        StepVerifier.create(sync(Duration.ofSeconds(20)).refresh())
                .expectNext(CatalogSync.Outcome.ANSWERED)
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        assertThat(holder.require()).isSameAs(held);
    }

    @Test
    void shouldKeepTheLastCopyWhenCatalogServiceFails() {
        holder.replace(catalog("v1"));
        serve(new Answer(503, null, false));

        StepVerifier.create(sync(Duration.ofSeconds(20)).refresh())
                .expectNext(CatalogSync.Outcome.FAILED)
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        assertThat(holder.require().version()).isEqualTo("v1");
    }

    @Test
    void shouldReportAnUnreachableCatalogServiceAsAFailure() {
        CatalogSync sync = new CatalogSync(holder, new CatalogClientProperties(URI.create("http://127.0.0.1:"
                + FreePorts.next()), Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(20)),
                WebClient.builder(), proof(), new RandomIds(), "test");

        StepVerifier.create(sync.refresh())
                .expectNext(CatalogSync.Outcome.FAILED)
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        assertThat(holder.current()).isEmpty();
    }

    private void serve(Answer initial) {
        answer.set(initial);
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.get(CatalogSync.PATH,
                        (request, response) -> {
                            ifNoneMatch.add(request.requestHeaders().get("If-None-Match", ""));
                            prefer.add(request.requestHeaders().get("Prefer", ""));
                            Answer now = answer.get();
                            response.status(now.status());
                            if (now.longPolled()) {
                                response.header("Preference-Applied", "wait=20");
                            }
                            if (now.catalog() == null) {
                                return response.send();
                            }
                            return response.header("Content-Type", "application/json")
                                    .header("ETag", "\"" + now.catalog().version() + "\"")
                                    .sendString(Mono.just(JSON.writeValueAsString(now.catalog())));
                        }))
                .bindNow();
    }

    private CatalogSync sync(Duration longPollWait) {
        return new CatalogSync(holder, new CatalogClientProperties(URI.create("http://127.0.0.1:" + server.port()),
                Duration.ofMillis(500), Duration.ofSeconds(5), longPollWait), WebClient.builder(), proof(),
                new RandomIds(), "test");
    }

    private static IdentityProof proof() {
        return new IdentityProof(SECRET, Clock.systemUTC(), Duration.ofSeconds(60));
    }

    private static CatalogSnapshot catalog(String version) {
        return new CatalogSnapshot(version, List.of(), List.of(), List.of());
    }
}
