package io.switchboard.catalog.client;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.kit.identity.SigningExchangeFilter;
import io.switchboard.kit.ids.RandomIds;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Keeps {@link CatalogHolder} in step with catalog-service by long-polling {@code GET /internal/v1/catalog}: each
 * request carries the version held ({@code If-None-Match}) and {@code Prefer: wait=N}, and catalog-service answers as
 * soon as the catalog changes (200 with the new one) or after {@code N} seconds (304). So a change reaches this copy
 * within milliseconds of catalog-service having it, and an idle catalog costs one request per {@code N} seconds. A
 * catalog-service that does not long-poll (no {@code Preference-Applied} in its answer) is polled every
 * {@code refresh-interval} instead. No request ever waits on catalog-service: a failed refresh keeps the last copy and
 * is retried after {@code refresh-interval}.
 */
public class CatalogSync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CatalogSync.class);
    static final String PATH = "/internal/v1/catalog";
    static final String PREFER = "Prefer";
    static final String PREFERENCE_APPLIED = "Preference-Applied";

    /** What one request found, and so when to ask again: at once after a long poll, else after a pause. */
    enum Outcome {
        LONG_POLLED, ANSWERED, FAILED
    }

    private final CatalogHolder holder;
    private final CatalogClientProperties properties;
    private final WebClient client;
    private volatile @Nullable Disposable polling;

    public CatalogSync(CatalogHolder holder, CatalogClientProperties properties, WebClient.Builder builder,
            IdentityProof proof, RandomIds ids, String serviceName) {
        this.holder = holder;
        this.properties = properties;
        this.client = builder.clone()
                .baseUrl(properties.url().toString())
                .filter(new SigningExchangeFilter(proof,
                        request -> InternalIdentity.service(serviceName, ids.next("catalog-", 16))))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }

    @Override
    public void start() {
        polling = Mono.defer(this::refresh)
                .flatMap(outcome -> outcome == Outcome.LONG_POLLED
                        ? Mono.empty()
                        : Mono.delay(properties.refreshInterval()).then())
                .repeat()
                .subscribe();
    }

    /**
     * Asks for the catalog once, installing it if it changed; never fails (a failure is logged and reported as
     * {@link Outcome#FAILED}).
     */
    Mono<Outcome> refresh() {
        String version = holder.current().map(CatalogSnapshot::version).orElse(null);
        Duration wait = properties.longPollWait();
        return client.get()
                .uri(PATH)
                .headers(headers -> {
                    if (version != null) {
                        headers.setIfNoneMatch("\"" + version + "\"");
                    }
                    if (!wait.isZero()) {
                        headers.set(PREFER, "wait=" + Math.max(1, wait.toSeconds()));
                    }
                })
                .exchangeToMono(response -> {
                    Outcome outcome = response.headers().header(PREFERENCE_APPLIED).isEmpty()
                            ? Outcome.ANSWERED
                            : Outcome.LONG_POLLED;
                    return read(response).thenReturn(outcome);
                })
                .timeout(wait.plus(properties.requestTimeout()))
                .onErrorResume(failure -> {
                    log.warn("Catalog refresh from {} failed: {}", properties.url(), failure.toString());
                    return Mono.just(Outcome.FAILED);
                });
    }

    private Mono<Void> read(ClientResponse response) {
        if (response.statusCode().value() == HttpStatus.NOT_MODIFIED.value()) {
            return response.releaseBody();
        }
        if (!response.statusCode().is2xxSuccessful()) {
            return response.releaseBody()
                    .then(Mono.error(new IllegalStateException("catalog-service answered "
                            + response.statusCode().value())));
        }
        return response.bodyToMono(CatalogSnapshot.class).doOnNext(this::install).then();
    }

    private void install(CatalogSnapshot snapshot) {
        if (holder.current().map(held -> held.version().equals(snapshot.version())).orElse(false)) {
            // A server that ignores If-None-Match sends the same catalog again: nothing to install or log.
            return;
        }
        holder.replace(snapshot);
        log.info("Catalog version {} loaded: {} models, {} endpoints", snapshot.version(), snapshot.models().size(),
                snapshot.endpoints().size());
    }

    @Override
    public void stop() {
        Disposable current = polling;
        if (current != null) {
            current.dispose();
        }
        polling = null;
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }
}
