package io.switchboard.catalog.admin;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.catalog.state.CatalogRedisProperties;
import io.switchboard.catalog.state.CatalogRepository;
import io.switchboard.catalog.store.CatalogStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The operator API. */
@Configuration(proxyBeanMethods = false)
class CatalogAdminConfiguration {

    @Bean
    CatalogEditor catalogEditor(CatalogRepository repository, CatalogStore store, Clock clock,
            CatalogRedisProperties properties, MeterRegistry meters) {
        return new CatalogEditor(repository, store, clock, properties.commitAttempts(), meters);
    }

    @Bean
    RouterFunction<ServerResponse> catalogAdminRoutes(CatalogEditor editor, CatalogRepository repository) {
        return CatalogAdminRoutes.routes(new CatalogAdminHandler(editor, repository));
    }
}
