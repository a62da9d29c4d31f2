package io.switchboard.catalog.source;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads and validates the catalog file at start-up (on the main thread, so reading it may block): a bad file stops
 * start-up. The file is the baseline the operator's edits in Redis are laid over.
 */
@Configuration(proxyBeanMethods = false)
class CatalogSourceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CatalogSourceConfiguration.class);

    @Bean
    CatalogFile catalogBaseline(CatalogProperties properties, ResourceLoader resourceLoader) {
        CatalogFile file = new CatalogLoader().loadFile(resourceLoader.getResource(properties.file()),
                properties.baseUrlOverride());
        log.info("Catalog file {} read: version {}, {} providers, {} models, {} endpoints{}", properties.file(),
                file.contentVersion(), file.providers().size(), file.models().size(), file.endpoints().size(),
                properties.baseUrlOverride() == null
                        ? ""
                        : ", every provider at " + properties.baseUrlOverride());
        return file;
    }
}
