package io.switchboard.catalog;

import io.switchboard.catalog.store.CatalogStore;
import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.testsupport.infra.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One catalog-service replica in this JVM, on the test Redis under the key prefix its cluster shares. */
public final class Replica implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private Replica(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts a replica reading {@code file} and waits until it serves the catalog from Redis. */
    public static Replica start(String keyPrefix, String file, String... moreProperties) {
        List<String> args = new ArrayList<>(List.of("server.port=0", "management.server.port=0",
                SignedRequests.SECRET_PROPERTY, "spring.data.redis.url=" + TestInfrastructure.redis().url(),
                "switchboard.catalog.redis.key-prefix=" + keyPrefix, "switchboard.catalog.file=" + file,
                "spring.main.banner-mode=off"));
        args.addAll(List.of(moreProperties));
        Replica replica = new Replica(new SpringApplicationBuilder(CatalogServiceApplication.class)
                .run(args.stream().map(property -> "--" + property).toArray(String[]::new)));
        CatalogTestSupport.awaitLoaded(replica.store());
        return replica;
    }

    public CatalogStore store() {
        return context.getBean(CatalogStore.class);
    }

    public IdentityProof proof() {
        return context.getBean(IdentityProof.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public String url() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    public WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl(url()).responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Override
    public void close() {
        context.close();
    }
}
