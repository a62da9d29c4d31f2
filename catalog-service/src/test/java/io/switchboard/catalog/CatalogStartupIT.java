package io.switchboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.catalog.api.Provider;
import io.switchboard.catalog.source.CatalogFileException;
import io.switchboard.catalog.store.CatalogStore;
import io.switchboard.testsupport.infra.TestInfrastructure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Start-up as the local stack and Helm configure it. */
class CatalogStartupIT {

    @Test
    void shouldPointEveryProviderAtTheConfiguredOverride() {
        try (ConfigurableApplicationContext context = start(
                "switchboard.catalog.base-url-override=http://127.0.0.1:9000/{provider}/v1")) {
            CatalogStore store = context.getBean(CatalogStore.class);
            CatalogTestSupport.awaitLoaded(store);
            assertThat(store.current().providers()).extracting(Provider::baseUrl)
                    .contains("http://127.0.0.1:9000/mistral/v1", "http://127.0.0.1:9000/google-ai-studio/v1")
                    .allMatch(url -> url.startsWith("http://127.0.0.1:9000/"));
        }
    }

    @Test
    void shouldLoadTheFileNamedInConfiguration() {
        try (ConfigurableApplicationContext context = start("switchboard.catalog.file=classpath:catalogs/valid.yaml")) {
            CatalogStore store = context.getBean(CatalogStore.class);
            CatalogTestSupport.awaitLoaded(store);
            assertThat(store.current().models()).hasSize(2);
        }
    }

    @Test
    void shouldRefuseToStartWithAnInvalidCatalog() {
        assertThatThrownBy(() -> start("switchboard.catalog.file=classpath:catalogs/negative-price.yaml").close())
                .hasRootCauseInstanceOf(CatalogFileException.class)
                .rootCause()
                .hasMessage("negative-price.yaml: endpoints[1].pricing.prompt: must not be negative");
    }

    @Test
    void shouldRefuseToStartWithAnOverrideWithoutPlaceholder() {
        assertThatThrownBy(() -> start("switchboard.catalog.base-url-override=http://127.0.0.1:9000/v1").close())
                .rootCause()
                .hasMessageContaining("{provider}");
    }

    @Test
    void shouldReachTheRealProvidersInTheProductionProfile() {
        try (ConfigurableApplicationContext context = start("spring.profiles.active=production")) {
            CatalogStore store = context.getBean(CatalogStore.class);
            CatalogTestSupport.awaitLoaded(store);
            assertThat(store.current().providers()).extracting(Provider::baseUrl)
                    .contains("https://api.mistral.ai/v1", "https://api.openai.com/v1",
                            "https://api.anthropic.com/v1", "https://generativelanguage.googleapis.com/v1beta")
                    .allMatch(url -> url.startsWith("https://"));
            assertThat(store.current().providers()).allSatisfy(provider -> assertThat(provider.credentialEnv())
                    .matches("[A-Z_]+_API_KEY"));
        }
    }

    @Test
    void shouldRefuseABaseUrlOverrideInTheProductionProfile() {
        assertThatThrownBy(() -> start("spring.profiles.active=production",
                "switchboard.catalog.base-url-override=http://127.0.0.1:9000/{provider}/v1").close())
                .rootCause()
                .hasMessageContaining("allow-base-url-override is false");
    }

    /** Properties given as command-line arguments, which win over application.yaml as environment variables do. */
    private static ConfigurableApplicationContext start(String... properties) {
        List<String> args = new ArrayList<>(List.of("server.port=0", "management.server.port=0",
                SignedRequests.SECRET_PROPERTY, "spring.data.redis.url=" + TestInfrastructure.redis().url(),
                "switchboard.catalog.redis.key-prefix=" + CatalogTestSupport.newKeyPrefix()));
        args.addAll(List.of(properties));
        return new SpringApplicationBuilder(CatalogServiceApplication.class)
                .run(args.stream().map(property -> "--" + property).toArray(String[]::new));
    }
}
