package io.switchboard.catalog.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.switchboard.stats.StatsFields;
import io.switchboard.stats.StatsIncrements;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.ReactiveHashOperations;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The reader against a stand-in Redis, to show what a real one cannot on cue: hanging past the timeout, or failing.
 * ModelEndpointsApiIT reads a real one.
 */
class RedisEndpointStatisticsReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:30Z");
    private static final long MINUTE = StatsFields.epochMinute(NOW.toEpochMilli());
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @SuppressWarnings("unchecked")
    private final ReactiveHashOperations<String, String, String> hashes = mock(ReactiveHashOperations.class);
    private final ReactiveStringRedisTemplate redis = mock(ReactiveStringRedisTemplate.class);
    private final RedisEndpointStatisticsReader reader = new RedisEndpointStatisticsReader(redis,
            new StatisticsProperties(TIMEOUT), Clock.fixed(NOW, ZoneOffset.UTC));

    RedisEndpointStatisticsReaderTest() {
        when(redis.<String, String>opsForHash()).thenReturn(hashes);
    }

    @Test
    void shouldReadEachEndpointsHashUnderRoutingsKey() {
        // One provider failure and three refusals: 4 requests, 1 error.
        when(hashes.entries(StatsFields.statsKey("p:a/m"))).thenReturn(hash(StatsIncrements.failed(MINUTE, true),
                StatsIncrements.failed(MINUTE, false), StatsIncrements.failed(MINUTE, false),
                StatsIncrements.failed(MINUTE, false)));
        when(hashes.entries(StatsFields.statsKey("q:a/m"))).thenReturn(Flux.empty());

        StepVerifier.create(reader.read(List.of("p:a/m", "q:a/m")))
                .assertNext(statistics -> {
                    assertThat(statistics).containsOnlyKeys("p:a/m");
                    assertThat(statistics.get("p:a/m"))
                            .isEqualTo(new EndpointStatistics(75.0, 75.0, null, null, null));
                })
                .expectComplete()
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void shouldAnswerWithoutStatisticsWhenRedisDoesNotAnswerWithinTheTimeout() {
        when(hashes.entries(StatsFields.statsKey("p:a/m"))).thenReturn(Flux.never());

        StepVerifier.withVirtualTime(() -> reader.read(List.of("p:a/m")))
                .expectSubscription()
                .expectNoEvent(TIMEOUT.minusMillis(1))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(Map.of())
                .expectComplete()
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void shouldAnswerWithoutStatisticsWhenRedisFails() {
        when(hashes.entries(StatsFields.statsKey("p:a/m")))
                .thenReturn(Flux.error(new RedisConnectionFailureException("Connection refused")));
        when(hashes.entries(StatsFields.statsKey("q:a/m"))).thenReturn(hash(StatsIncrements.failed(MINUTE, true)));

        StepVerifier.create(reader.read(List.of("p:a/m", "q:a/m")))
                .expectNext(Map.of())
                .expectComplete()
                .verify(Duration.ofSeconds(30));
    }

    /** The hash the attempts' counts add up to, as HGETALL streams it. */
    @SafeVarargs
    private static Flux<Map.Entry<String, String>> hash(Map<String, Long>... attempts) {
        return Flux.fromArray(attempts)
                .concatMapIterable(Map::entrySet)
                .groupBy(Map.Entry::getKey)
                .flatMap(field -> field.reduce(0L, (sum, count) -> sum + count.getValue())
                        .map(sum -> Map.entry(field.key(), Long.toString(sum))));
    }
}
