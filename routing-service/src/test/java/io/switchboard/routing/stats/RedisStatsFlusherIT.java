package io.switchboard.routing.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.switchboard.routing.support.MutableClock;
import io.switchboard.stats.EndpointFigures;
import io.switchboard.stats.Percentiles;
import io.switchboard.stats.StatsFields;
import io.switchboard.stats.WindowFigures;
import io.switchboard.testsupport.infra.RedisServer;
import io.switchboard.testsupport.infra.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * The writer's half of the statistics contract against a real Redis: what two replicas' recorders and flushers add
 * up to is read back, with the shared reader catalog-service uses, as the figures the attempts describe.
 */
class RedisStatsFlusherIT {

    /** Epoch minute 29928240; the earlier attempts are in minute 29928230. */
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:30Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final StatsProperties PROPERTIES = new StatsProperties(Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofMinutes(30));

    private static LettuceConnectionFactory connections;
    private static ReactiveStringRedisTemplate redis;

    private final String endpoint = "it-" + UUID.randomUUID() + ":acme/echo-1";
    private final MutableClock clock = new MutableClock(NOW.minus(Duration.ofMinutes(10)));
    private final EndpointStatsRecorder replicaA = new EndpointStatsRecorder(clock, PROPERTIES);
    private final EndpointStatsRecorder replicaB = new EndpointStatsRecorder(clock, PROPERTIES);
    private final RedisStatsFlusher flusherA = new RedisStatsFlusher(replicaA, redis, PROPERTIES);
    private final RedisStatsFlusher flusherB = new RedisStatsFlusher(replicaB, redis, PROPERTIES);

    @BeforeAll
    static void connect() {
        RedisServer server = TestInfrastructure.redis();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(server.host(), server.port()));
        connections.afterPropertiesSet();
        connections.start();
        redis = new ReactiveStringRedisTemplate(connections);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @Test
    void shouldWriteCountsThatTheSharedReaderTurnsIntoTheAttemptsFigures() {
        recordAttempts();

        flush(flusherA);
        flush(flusherB);

        EndpointFigures figures = EndpointFigures.of(hash(), NOW);
        assertWindow(figures.last5m(), 25, 5, 80.0);
        assertPercentiles(figures.last5m().latencyMs(), 175, 212.5, 235, 248.5);
        assertPercentiles(figures.last5m().throughput(), 45, 42.5, 41, 40.1);
        assertWindow(figures.last30m(), 50, 5, 90.0);
        assertPercentiles(figures.last30m().latencyMs(), 250, 625, 700, 745);
        assertPercentiles(figures.last30m().throughput(), 50, 45, 42, 40.2);
    }

    @Test
    void shouldDeleteTheMinutesThatLeftTheWindow() {
        recordAttempts();
        flush(flusherA);

        clock.advance(Duration.ofMinutes(21));
        flush(flusherA);

        assertThat(hash().keySet()).isNotEmpty()
                .allSatisfy(field -> assertThat(StatsFields.minuteOf(field)).isEqualTo(29928240));
    }

    /**
     * Ten minutes ago: 20 attempts served after 600 ms, 400 tokens in 2 s, and 5 refused as the request's fault; now:
     * 20 served after 200 ms, 100 tokens in 2 s, and 5 provider failures. Each replica sees half of them.
     */
    private void recordAttempts() {
        for (EndpointStatsRecorder replica : new EndpointStatsRecorder[]{replicaA, replicaB}) {
            for (int i = 0; i < 10; i++) {
                replica.attemptServed(endpoint, Duration.ofMillis(600), false, 400L, Duration.ofSeconds(2));
            }
        }
        for (int i = 0; i < 5; i++) {
            replicaA.attemptFailed(endpoint, false);
        }
        clock.advance(Duration.ofMinutes(10));
        for (EndpointStatsRecorder replica : new EndpointStatsRecorder[]{replicaA, replicaB}) {
            for (int i = 0; i < 10; i++) {
                replica.attemptServed(endpoint, Duration.ofMillis(200), false, 100L, Duration.ofSeconds(2));
            }
        }
        for (int i = 0; i < 5; i++) {
            replicaB.attemptFailed(endpoint, true);
        }
    }

    private static void flush(RedisStatsFlusher flusher) {
        // As the flusher's own schedule runs it: Lettuce may connect synchronously on first use.
        StepVerifier.create(flusher.flush().subscribeOn(Schedulers.boundedElastic())).expectComplete().verify(TIMEOUT);
    }

    private Map<String, String> hash() {
        Mono<Map<String, String>> entries = redis.<String, String>opsForHash()
                .entries(StatsFields.statsKey(endpoint))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
        AtomicReference<Map<String, String>> read = new AtomicReference<>();
        StepVerifier.create(entries).consumeNextWith(read::set).expectComplete().verify(TIMEOUT);
        return read.get();
    }

    private static void assertWindow(WindowFigures window, long requests, long errors, double uptime) {
        assertThat(window.requests()).isEqualTo(requests);
        assertThat(window.errors()).isEqualTo(errors);
        assertThat(window.uptime()).isEqualTo(uptime);
    }

    private static void assertPercentiles(Percentiles actual, double p50, double p75, double p90, double p99) {
        assertThat(actual).isNotNull();
        assertThat(new double[]{actual.p50(), actual.p75(), actual.p90(), actual.p99()})
                .containsExactly(new double[]{p50, p75, p90, p99}, within(1e-9));
    }
}
