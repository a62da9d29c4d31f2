package io.switchboard.catalog.source;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.store.CatalogStore;
import io.switchboard.catalog.store.InMemoryCatalogStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** Loads the catalog file at start-up (on the main thread, so reading it may block) and serves it from memory. */
@Configuration(proxyBeanMethods = false)
class CatalogSourceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CatalogSourceConfiguration.class);

    @Bean
    CatalogStore catalogStore(CatalogProperties properties, ResourceLoader resourceLoader) {
        CatalogSnapshot snapshot = new CatalogLoader().load(resourceLoader.getResource(properties.file()),
                properties.baseUrlOverride());
        log.info("Catalog {} loaded from {}: {} providers, {} models, {} endpoints{}", snapshot.version(),
                properties.file(), snapshot.providers().size(), snapshot.models().size(), snapshot.endpoints().size(),
                properties.baseUrlOverride() == null
                        ? ""
                        : ", every provider at " + properties.baseUrlOverride());
        return new InMemoryCatalogStore(snapshot);
    }
}
