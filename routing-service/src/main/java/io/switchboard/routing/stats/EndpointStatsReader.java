package io.switchboard.routing.stats;

import io.switchboard.catalog.api.Endpoint;
import io.switchboard.catalog.client.CatalogHolder;
import io.switchboard.stats.BreakerFields;
import io.switchboard.stats.StatsFields;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.function.Tuples;

/**
 * Keeps an in-memory copy of every catalog endpoint's statistics, re-read from Redis every
 * {@code refresh-interval}, so that {@code provider.sort} never waits on Redis. A failed refresh keeps the last copy.
 */
@Component
public class EndpointStatsReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EndpointStatsReader.class);

    private final ReactiveStringRedisTemplate redis;
    private final CatalogHolder catalog;
    private final EndpointStatsRecorder recorder;
    private final StatsProperties properties;
    private final AtomicReference<Map<String, EndpointStats>> snapshot = new AtomicReference<>(Map.of());
    private volatile @Nullable Disposable refreshing;

    EndpointStatsReader(ReactiveStringRedisTemplate redis, CatalogHolder catalog, EndpointStatsRecorder recorder,
            StatsProperties properties) {
        this.redis = redis;
        this.catalog = catalog;
        this.recorder = recorder;
        this.properties = properties;
    }

    /** The endpoint's statistics as last read, if any. */
    public Optional<EndpointStats> get(String endpointId) {
        return Optional.ofNullable(snapshot.get().get(endpointId));
    }

    @Override
    public void start() {
        refreshing = Flux.interval(java.time.Duration.ZERO, properties.refreshInterval())
                .onBackpressureDrop()
                // Lettuce connects its shared connection on first use, synchronously: never on a timer thread.
                .concatMap(tick -> refresh().subscribeOn(Schedulers.boundedElastic()), 1)
                .subscribe();
    }

    /** Reads every catalog endpoint's statistics and breaker state; completes when the copy is replaced. */
    Mono<Void> refresh() {
        List<String> ids = catalog.current()
                .map(c -> c.endpoints().stream().map(Endpoint::id).toList())
                .orElse(List.of());
        long lastMinute = recorder.minute();
        long firstMinute = lastMinute - properties.windowMinutes() + 1;
        Map<String, EndpointStats> previous = snapshot.get();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        return Flux.fromIterable(ids)
                .flatMap(id -> read(id, firstMinute, lastMinute)
                        .onErrorResume(error -> {
                            failure.compareAndSet(null, error);
                            return Mono.justOrEmpty(previous.get(id));
                        })
                        .map(stats -> Tuples.of(id, stats)), 16)
                .collectMap(tuple -> tuple.getT1(), tuple -> tuple.getT2())
                .doOnNext(snapshot::set)
                .doOnSuccess(done -> {
                    if (failure.get() != null) {
                        log.warn("Endpoint statistics not refreshed from Redis (keeping the last): {}",
                                failure.get().toString());
                    }
                })
                .then();
    }

    private Mono<EndpointStats> read(String endpointId, long firstMinute, long lastMinute) {
        Mono<Map<String, String>> stats = redis.<String, String>opsForHash()
                .entries(StatsFields.statsKey(endpointId))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
        Mono<Optional<EndpointStats.SharedBreaker>> breaker = redis.<String, String>opsForHash()
                .entries(BreakerFields.breakerKey(endpointId))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(EndpointStatsReader::breaker);
        return Mono.zip(stats, breaker)
                .map(both -> EndpointStats.of(both.getT1(), firstMinute, lastMinute, both.getT2().orElse(null)));
    }

    private static Optional<EndpointStats.SharedBreaker> breaker(Map<String, String> fields) {
        String state = fields.get(BreakerFields.STATE);
        String since = fields.get(BreakerFields.SINCE);
        if (state == null || since == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EndpointStats.SharedBreaker(state, Instant.ofEpochMilli(Long.parseLong(since)),
                    fields.getOrDefault(BreakerFields.REPLICA, "")));
        } catch (NumberFormatException foreign) {
            return Optional.empty();
        }
    }

    @Override
    public void stop() {
        Disposable current = refreshing;
        if (current != null) {
            current.dispose();
        }
        refreshing = null;
    }

    @Override
    public boolean isRunning() {
        return refreshing != null;
    }
}
