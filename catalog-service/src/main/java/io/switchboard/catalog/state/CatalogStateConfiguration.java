package io.switchboard.catalog.state;

import io.switchboard.catalog.source.CatalogFile;
import io.switchboard.catalog.store.CatalogStore;
import io.switchboard.catalog.store.InMemoryCatalogStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/** The shared catalog in Redis and this replica's copy of it. */
@Configuration(proxyBeanMethods = false)
class CatalogStateConfiguration {

    @Bean
    CatalogStore catalogStore() {
        return new InMemoryCatalogStore();
    }

    @Bean
    ReactiveRedisMessageListenerContainer catalogChangesListener(ReactiveRedisConnectionFactory connections) {
        return new ReactiveRedisMessageListenerContainer(connections);
    }

    @Bean
    CatalogRepository catalogRepository(ReactiveStringRedisTemplate redis,
            ReactiveRedisMessageListenerContainer catalogChangesListener, CatalogRedisProperties properties) {
        return new CatalogRepository(redis, catalogChangesListener, properties);
    }

    @Bean
    CatalogSynchronizer catalogSynchronizer(CatalogRepository repository, CatalogStore store,
            CatalogFile catalogBaseline, Environment environment, Clock clock, CatalogRedisProperties properties) {
        return new CatalogSynchronizer(repository, store, catalogBaseline,
                environment.getProperty("spring.application.name", "catalog-service"), clock,
                properties.pollInterval());
    }

    @Bean("catalogState")
    CatalogStateHealthIndicator catalogStateHealthIndicator(CatalogStore store, CatalogSynchronizer synchronizer) {
        return new CatalogStateHealthIndicator(store, synchronizer);
    }
}
