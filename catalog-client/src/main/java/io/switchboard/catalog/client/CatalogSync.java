package io.switchboard.catalog.client;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.kit.identity.SigningExchangeFilter;
import io.switchboard.kit.ids.RandomIds;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps {@link CatalogHolder} in step with catalog-service by asking {@code GET /internal/v1/catalog} every
 * {@code refresh-interval} with the version it has ({@code If-None-Match}); unchanged catalogs cost a 304. No request
 * ever waits on catalog-service: a failed refresh keeps the last copy and is retried on the next tick.
 */
public class CatalogSync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CatalogSync.class);

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
        polling = Flux.interval(java.time.Duration.ZERO, properties.refreshInterval())
                .onBackpressureDrop()
                .concatMap(tick -> refresh(), 1)
                .subscribe();
    }

    /** Fetches the catalog if it changed; completes empty (after logging) when catalog-service cannot be reached. */
    Mono<Void> refresh() {
        String version = holder.current().map(CatalogSnapshot::version).orElse(null);
        return client.get()
                .uri("/internal/v1/catalog")
                .headers(headers -> {
                    if (version != null) {
                        headers.setIfNoneMatch("\"" + version + "\"");
                    }
                })
                .exchangeToMono(response -> {
                    if (response.statusCode().value() == HttpStatus.NOT_MODIFIED.value()) {
                        return response.releaseBody();
                    }
                    if (!response.statusCode().is2xxSuccessful()) {
                        return response.releaseBody()
                                .then(Mono.error(new IllegalStateException("catalog-service answered "
                                        + response.statusCode().value())));
                    }
                    return response.bodyToMono(CatalogSnapshot.class).doOnNext(this::install).then();
                })
                .timeout(properties.requestTimeout())
                .onErrorResume(failure -> {
                    log.warn("Catalog refresh from {} failed: {}", properties.url(), failure.toString());
                    return Mono.empty();
                });
    }

    private void install(CatalogSnapshot snapshot) {
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
