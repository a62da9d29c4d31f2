package io.switchboard.catalog.stats;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class StatisticsConfiguration {

    @Bean
    EndpointStatisticsReader endpointStatisticsReader(ReactiveStringRedisTemplate redis,
            StatisticsProperties properties, Clock clock) {
        return new RedisEndpointStatisticsReader(redis, properties, clock);
    }
}
