package io.switchboard.routing.stats;

import io.switchboard.stats.StatsFields;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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

/**
 * Adds what {@link EndpointStatsRecorder} measured to {@code routing:stats:{endpointId}} every
 * {@code flush-interval}: one {@code HINCRBY} per changed field (Lettuce pipelines them on its one connection), so
 * every replica's counts add up. Once a minute it deletes the fields of the minutes that left the window; the key
 * expires when no replica has written it for a window and a bit. A failed flush keeps the counts for the next one.
 */
@Component
class RedisStatsFlusher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedisStatsFlusher.class);
    private static final int PRUNED_MINUTES = 3;

    private final EndpointStatsRecorder recorder;
    private final ReactiveStringRedisTemplate redis;
    private final StatsProperties properties;
    /** Endpoints this replica wrote, with the last minute it did: those whose old minutes it prunes. */
    private final Map<String, Long> written = new ConcurrentHashMap<>();
    private final AtomicLong prunedMinute = new AtomicLong();
    private volatile @Nullable Disposable flushing;

    RedisStatsFlusher(EndpointStatsRecorder recorder, ReactiveStringRedisTemplate redis, StatsProperties properties) {
        this.recorder = recorder;
        this.redis = redis;
        this.properties = properties;
    }

    @Override
    public void start() {
        flushing = Flux.interval(properties.flushInterval())
                .onBackpressureDrop()
                // Lettuce connects its shared connection on first use, synchronously: never on a timer thread.
                .concatMap(tick -> flush().subscribeOn(Schedulers.boundedElastic()), 1)
                .subscribe();
    }

    /** Writes the pending counts; completes when Redis has them (or the attempt failed and they were kept). */
    Mono<Void> flush() {
        Map<String, Map<String, Long>> drained = recorder.drain();
        long minute = recorder.minute();
        Mono<Void> writes = Flux.fromIterable(drained.entrySet())
                .flatMap(entry -> write(entry.getKey(), entry.getValue(), minute), 8)
                .then();
        return writes.then(prune(minute));
    }

    private Mono<Void> write(String endpointId, Map<String, Long> deltas, long minute) {
        String key = StatsFields.statsKey(endpointId);
        Duration ttl = properties.window().plusMinutes(PRUNED_MINUTES + 2);
        return Flux.fromIterable(deltas.entrySet())
                .flatMap(delta -> redis.opsForHash().increment(key, delta.getKey(), delta.getValue()))
                .then(redis.expire(key, ttl))
                .doOnSuccess(done -> written.put(endpointId, minute))
                .then()
                .onErrorResume(failure -> {
                    log.warn("Endpoint statistics of {} not written to Redis (kept for the next flush): {}",
                            endpointId, failure.toString());
                    recorder.restore(endpointId, deltas);
                    return Mono.empty();
                });
    }

    /** On a new minute, deletes the fields of the minutes just past the window. */
    private Mono<Void> prune(long minute) {
        long previous = prunedMinute.get();
        if (previous == minute || !prunedMinute.compareAndSet(previous, minute)) {
            return Mono.empty();
        }
        long firstStale = minute - properties.windowMinutes() - PRUNED_MINUTES;
        written.entrySet().removeIf(entry -> entry.getValue() < firstStale);
        Object[] stale = java.util.stream.LongStream.range(firstStale, minute - properties.windowMinutes() + 1)
                .mapToObj(StatsFields::allOfMinute)
                .flatMap(List::stream)
                .toArray();
        return Flux.fromIterable(written.keySet())
                .flatMap(endpointId -> redis.opsForHash().remove(StatsFields.statsKey(endpointId), stale), 8)
                .onErrorResume(failure -> {
                    log.debug("Pruning endpoint statistics failed: {}", failure.toString());
                    return Mono.empty();
                })
                .then();
    }

    @Override
    public void stop() {
        Disposable current = flushing;
        if (current != null) {
            current.dispose();
        }
        flushing = null;
    }

    @Override
    public boolean isRunning() {
        return flushing != null;
    }
}
