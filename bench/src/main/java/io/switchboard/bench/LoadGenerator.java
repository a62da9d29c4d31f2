package io.switchboard.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The load generator: Reactor Netty's non-blocking HttpClient, keep-alive connections, HdrHistogram latencies.
 *
 * <ul>
 * <li>Closed model: {@code n} loops, each sending its next request when the previous one ended.</li>
 * <li>Open model: requests sent at a fixed rate whatever the answers do; latency counts from the intended send time,
 * so a stall is charged to every request it delayed (no coordinated omission).</li>
 * <li>Ramp: slow streams opened at a steady pace up to a count, held open, then closed by the client.</li>
 * </ul>
 *
 * Every scenario runs a settling period first (not recorded) and then a measured window, during which the CPU time of
 * every watched process is taken from {@code /proc} before and after.
 */
final class LoadGenerator {

    private static final Outcome FAILED = new Outcome(false, -1);
    private static final long HIGHEST_MICROS = Duration.ofMinutes(10).toNanos() / 1000;

    private final ProcessMeter meter;

    LoadGenerator(ProcessMeter meter) {
        this.meter = meter;
    }

    /** How one exchange ended: success, and the time to the first data line in nanoseconds (-1 if none). */
    private record Outcome(boolean ok, long ttftNanos) {
    }

    /** A client for one target and body with a pool of {@code connections} keep-alive connections. */
    private static Client client(Target target, Workload workload, int connections) {
        ConnectionProvider pool = ConnectionProvider.builder("bench-" + target.name())
                .maxConnections(connections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofMinutes(5))
                .build();
        HttpClient http = HttpClient.create(pool)
                .headers(headers -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .set(HttpHeaderNames.AUTHORIZATION, target.authorization())
                        .set(HttpHeaderNames.CONTENT_LENGTH, workload.body().length))
                .responseTimeout(Duration.ofMinutes(5));
        return new Client(http, pool, target, workload);
    }

    private record Client(HttpClient http, ConnectionProvider pool, Target target, Workload workload) {

        Mono<Outcome> exchange(long startNanos, Runnable onFirstData) {
            return workload.stream() ? stream(startNanos, onFirstData) : single();
        }

        private Mono<ByteBuf> body() {
            return Mono.fromSupplier(() -> Unpooled.wrappedBuffer(workload.body()));
        }

        private Mono<Outcome> single() {
            return http.post()
                    .uri(target.url())
                    .send(body())
                    .responseSingle((response, content) -> content.asByteArray()
                            .map(bytes -> new Outcome(response.status().code() == 200 && bytes.length > 0, -1))
                            .defaultIfEmpty(FAILED))
                    .onErrorResume(e -> Mono.just(FAILED));
        }

        private Mono<Outcome> stream(long startNanos, Runnable onFirstData) {
            return http.post()
                    .uri(target.url())
                    .send(body())
                    .response((response, content) -> {
                        SseProgress progress = new SseProgress(startNanos, onFirstData);
                        boolean okStatus = response.status().code() == 200;
                        return content.doOnNext(progress::inspect)
                                .then(Mono.fromSupplier(() -> new Outcome(okStatus && progress.done,
                                        progress.ttftNanos)));
                    })
                    .next()
                    .defaultIfEmpty(FAILED)
                    .onErrorResume(e -> Mono.just(FAILED));
        }

        void close() {
            pool.disposeLater().block(Duration.ofSeconds(30));
        }
    }

    /** Watches an SSE body go by: the first {@code data:} line, and the final {@code [DONE]}. */
    private static final class SseProgress {

        private final long startNanos;
        private final Runnable onFirstData;
        long ttftNanos = -1;
        boolean done;
        private String tail = "";

        SseProgress(long startNanos, Runnable onFirstData) {
            this.startNanos = startNanos;
            this.onFirstData = onFirstData;
        }

        void inspect(ByteBuf buffer) {
            String text = tail + buffer.toString(StandardCharsets.US_ASCII);
            if (ttftNanos < 0 && text.contains("data:")) {
                ttftNanos = System.nanoTime() - startNanos;
                onFirstData.run();
            }
            if (text.contains("[DONE]")) {
                done = true;
            }
            tail = text.substring(Math.max(0, text.length() - 8));
        }
    }

    /** Recorders and counters of one scenario, switched on for the measured window only. */
    private static final class Window {

        final Recorder latency = new Recorder(HIGHEST_MICROS, 3);
        final Recorder ttft = new Recorder(HIGHEST_MICROS, 3);
        final AtomicLong ok = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        volatile boolean measuring;

        void record(Outcome outcome, long startNanos) {
            if (!measuring) {
                return;
            }
            if (outcome.ok()) {
                ok.incrementAndGet();
                latency.recordValue(Math.min(HIGHEST_MICROS, (System.nanoTime() - startNanos) / 1000));
                if (outcome.ttftNanos() >= 0) {
                    ttft.recordValue(Math.min(HIGHEST_MICROS, outcome.ttftNanos() / 1000));
                }
            } else {
                errors.incrementAndGet();
            }
        }

        /** Runs the window: discards what came before, measures CPU around {@code length}. */
        Result measure(String scenario, Target target, Duration length, ProcessMeter meter, boolean stream) {
            latency.reset();
            ttft.reset();
            ok.set(0);
            errors.set(0);
            Map<String, Long> cpuBefore = meter.cpuNanos();
            long start = System.nanoTime();
            measuring = true;
            sleep(length);
            measuring = false;
            long end = System.nanoTime();
            Map<String, Long> cpu = ProcessMeter.minus(meter.cpuNanos(), cpuBefore);
            Histogram latencies = latency.getIntervalHistogram();
            Histogram ttfts = ttft.getIntervalHistogram();
            return new Result(scenario, target, (end - start) / 1e9, ok.get(), errors.get(), latencies,
                    stream ? ttfts : null, cpu, meter.rssBytes());
        }
    }

    /** Closed model: {@code concurrency} loops for {@code settle + window}; the window is measured. */
    Result closed(String scenario, Target target, Workload workload, int concurrency, Duration settle,
            Duration window) {
        Client client = client(target, workload, concurrency);
        try {
            Window recording = new Window();
            long stopAt = System.nanoTime() + settle.plus(window).toNanos();
            Mono<Void> loops = Flux.range(0, concurrency)
                    .flatMap(i -> Mono.defer(() -> {
                        long start = System.nanoTime();
                        return client.exchange(start, () -> {
                        }).doOnNext(outcome -> recording.record(outcome, start));
                    }).repeat(() -> System.nanoTime() < stopAt), concurrency)
                    .then();
            Disposable running = loops.subscribe();
            sleep(settle);
            Result result = recording.measure(scenario, target, window, meter, workload.stream());
            awaitOrDispose(running, stopAt);
            return result;
        } finally {
            client.close();
        }
    }

    /** Open model: {@code rate} requests per second for {@code settle + window}, latency from the intended time. */
    Result open(String scenario, Target target, Workload workload, int rate, int maxConnections, Duration settle,
            Duration window) {
        Client client = client(target, workload, maxConnections);
        try {
            Window recording = new Window();
            AtomicLong inFlight = new AtomicLong();
            long period = 1_000_000_000L / rate;
            long begin = System.nanoTime();
            long stopAt = begin + settle.plus(window).toNanos();
            Thread pacer = Thread.ofPlatform().name("bench-pacer").start(() -> {
                long next = begin;
                while (next < stopAt) {
                    long now = System.nanoTime();
                    if (now < next) {
                        LockSupport.parkNanos(next - now);
                        continue;
                    }
                    long intended = next;
                    inFlight.incrementAndGet();
                    client.exchange(intended, () -> {
                    }).subscribe(outcome -> {
                        inFlight.decrementAndGet();
                        recording.record(outcome, intended);
                    });
                    next += period;
                }
            });
            sleep(settle);
            Result result = recording.measure(scenario, target, window, meter, workload.stream());
            join(pacer);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                sleep(Duration.ofMillis(50));
            }
            return result;
        } finally {
            client.close();
        }
    }

    /**
     * Opens {@code streams} slow streams at {@code perSecond}, holds them, measures the live heap and resident memory
     * of the target's processes with all open against before the ramp, then closes them from the client side.
     */
    RampResult ramp(Target target, int streams, int perSecond, Duration hold) {
        Client client = client(target, Workload.SLOW_STREAM, streams);
        try {
            Map<String, ProcessMeter.Heap> heapBefore = heaps(target);
            Map<String, Long> rssBefore = meter.rssBytes();
            Recorder ttft = new Recorder(HIGHEST_MICROS, 3);
            AtomicLong opened = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            AtomicBoolean closing = new AtomicBoolean();
            ConcurrentLinkedQueue<Disposable> open = new ConcurrentLinkedQueue<>();
            long period = 1_000_000_000L / perSecond;
            long begin = System.nanoTime();
            for (int i = 0; i < streams; i++) {
                long intended = begin + i * period;
                long now = System.nanoTime();
                if (now < intended) {
                    LockSupport.parkNanos(intended - now);
                }
                long start = System.nanoTime();
                AtomicBoolean first = new AtomicBoolean();
                open.add(client.exchange(start, () -> {
                    if (first.compareAndSet(false, true)) {
                        opened.incrementAndGet();
                        ttft.recordValue(Math.min(HIGHEST_MICROS, (System.nanoTime() - start) / 1000));
                    }
                }).subscribe(outcome -> {
                    // A slow stream lasts 15 minutes: any end before the client closes it is a failure.
                    if (!closing.get()) {
                        errors.incrementAndGet();
                    }
                }));
            }
            long waitUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (opened.get() + errors.get() < streams && System.nanoTime() < waitUntil) {
                sleep(Duration.ofMillis(100));
            }
            sleep(hold);
            long openNow = opened.get() - errors.get();
            Map<String, ProcessMeter.Heap> heapAtPeak = heaps(target);
            Map<String, Long> rssAtPeak = meter.rssBytes();
            long failed = errors.get() + (streams - opened.get());
            closing.set(true);
            open.forEach(Disposable::dispose);
            sleep(Duration.ofSeconds(3));
            return new RampResult(target, streams, openNow, failed, ttft.getIntervalHistogram(), heapBefore,
                    heapAtPeak, rssBefore, rssAtPeak);
        } finally {
            client.close();
        }
    }

    private Map<String, ProcessMeter.Heap> heaps(Target target) {
        Map<String, ProcessMeter.Heap> heaps = new LinkedHashMap<>();
        List<String> jvms = new ArrayList<>(target.jvms());
        for (String jvm : jvms) {
            ProcessHandle handle = meter.processes().get(jvm);
            heaps.put(jvm, handle == null ? ProcessMeter.Heap.UNKNOWN : ProcessMeter.liveHeap(handle.pid()));
        }
        return heaps;
    }

    private static void awaitOrDispose(Disposable running, long stopAt) {
        long deadline = stopAt + Duration.ofSeconds(60).toNanos();
        while (!running.isDisposed() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(20));
        }
        running.dispose();
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
