package io.switchboard.e2e;

import io.switchboard.localstack.LocalStack;
import io.switchboard.localstack.LocalStackOptions;
import io.switchboard.testsupport.infra.TestInfrastructure;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One cluster shared by the end-to-end classes that leave it as they found it (they add tenants, keys and
 * generations of their own, never change the catalog or stop a process): a cluster start costs about a minute, so
 * starting one per class would dominate the build. Started when the first such class runs, stopped when the whole
 * test run ends (it is kept in JUnit's root store, which closes it). Classes that change the cluster start their own.
 */
final class SharedCluster implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedCluster.class);

    private static volatile LocalStack stack;

    /** The shared cluster; only inside a class extended with {@code @ExtendWith(SharedCluster.class)}. */
    static LocalStack stack() {
        LocalStack started = stack;
        if (started == null) {
            throw new IllegalStateException("Use @ExtendWith(SharedCluster.class) on the test class");
        }
        return started;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack = context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(LocalStack.class, type -> LocalStack.start(LocalStackOptions.of(0,
                        TestInfrastructure.redis().url(), TestInfrastructure.kafka().bootstrapServers(),
                        Path.of(System.getProperty("switchboard.stack.dir")),
                        Path.of(System.getProperty("switchboard.e2e.work.dir")).resolve("shared"),
                        "e2e-" + UUID.randomUUID(), "sk-sb-v1-e2e" + UUID.randomUUID().toString().replace("-", ""))
                        // Catalog keys of its own: every cluster on this Redis installs a catalog naming its own
                        // simulator, and another class's cluster (and simulator) stops before this one does.
                        .withExtraProperties(Map.of("switchboard.catalog.redis.key-prefix",
                                "catalog-e2e-shared-" + UUID.randomUUID() + ":"))),
                        LocalStack.class);
    }
}
