package io.switchboard.catalog.client;

import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.kit.ids.RandomIds;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The catalog copy of a service: the holder, its refresher, and a {@code catalog} health indicator to put in the
 * service's readiness group. {@code switchboard.catalog-client.enabled=false} leaves it out (catalog-service itself,
 * which has the client on its test class path only).
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "switchboard.catalog-client.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CatalogClientProperties.class)
public class CatalogClientAutoConfiguration {

    @Bean
    CatalogHolder catalogHolder() {
        return new CatalogHolder();
    }

    @Bean
    CatalogSync catalogSync(CatalogHolder holder, CatalogClientProperties properties, WebClient.Builder builder,
            IdentityProof proof, RandomIds ids, Environment environment) {
        return new CatalogSync(holder, properties, builder, proof, ids,
                environment.getProperty("spring.application.name", "switchboard-service"));
    }

    @Bean("catalog")
    CatalogHealthIndicator catalogHealthIndicator(CatalogHolder holder) {
        return new CatalogHealthIndicator(holder);
    }
}
