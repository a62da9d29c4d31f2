package io.switchboard.catalog.stats;

import io.switchboard.stats.EndpointFigures;
import io.switchboard.stats.StatsFields;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads routing-service's statistics hashes, one per endpoint, all at once, with the shared reader of their format
 * ({@link EndpointFigures}).
 */
public class RedisEndpointStatisticsReader implements EndpointStatisticsReader {

    private static final Logger log = LoggerFactory.getLogger(RedisEndpointStatisticsReader.class);

    private final ReactiveStringRedisTemplate redis;
    private final StatisticsProperties properties;
    private final Clock clock;

    public RedisEndpointStatisticsReader(ReactiveStringRedisTemplate redis, StatisticsProperties properties,
            Clock clock) {
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Mono<Map<String, EndpointStatistics>> read(Collection<String> endpointIds) {
        return Flux.fromIterable(endpointIds)
                .flatMap(id -> redis.<String, String>opsForHash()
                        .entries(StatsFields.statsKey(id))
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                        .filter(fields -> !fields.isEmpty())
                        .map(fields -> Map.entry(id, EndpointStatistics.of(EndpointFigures.of(fields,
                                clock.instant())))))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .timeout(properties.timeout())
                .onErrorResume(failure -> {
                    // Statistics decorate the answer; without them it is still correct, so it goes out without.
                    log.warn("Endpoint statistics unavailable: {}", failure.toString());
                    return Mono.just(Map.of());
                });
    }
}
