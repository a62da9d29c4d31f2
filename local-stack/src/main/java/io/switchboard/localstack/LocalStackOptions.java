package io.switchboard.localstack;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to start a {@link LocalStack}.
 *
 * @param gatewayPort the public port, 0 for any free one
 * @param redisUrl the Redis every service uses
 * @param kafkaBootstrapServers the Kafka every service uses
 * @param stackDir folder holding {@code <service>.jar} runnable jars
 * @param workDir folder for port files and logs
 * @param internalSecret the cluster's shared identity secret
 * @param demoTenant tenant of the demo key
 * @param demoKey an inference key of the demo tenant, created at start-up
 * @param demoManagementKey a management key of the demo tenant, created at start-up
 * @param operatorKey the operator's key (tenants, credits, catalog administration)
 * @param demoCredit USD of credit given to the demo tenant (once: an idempotent top-up through billing)
 * @param jvmOptions options of each service JVM
 * @param extraProperties more Spring properties given to every service
 * @param startTimeout how long one service may take to become ready
 */
public record LocalStackOptions(int gatewayPort, String redisUrl, String kafkaBootstrapServers, Path stackDir,
        Path workDir, String internalSecret, String demoTenant, String demoKey, String demoManagementKey,
        String operatorKey, BigDecimal demoCredit,
        List<String> jvmOptions,
        Map<String, String> extraProperties, Duration startTimeout) {

    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError");

    public LocalStackOptions {
        jvmOptions = List.copyOf(jvmOptions);
        extraProperties = Map.copyOf(extraProperties);
    }

    /** Fixed so the README's examples work as written; it exists only in the local stack's own Redis. */
    public static final String LOCAL_MANAGEMENT_KEY = "sk-sb-v1-localmanagement00000000000000000000000000000";

    /** Fixed so the README's examples work as written; only the local stack's gateway knows it. */
    public static final String LOCAL_OPERATOR_KEY = "sk-sb-v1-localoperator0000000000000000000000000000000";

    public static LocalStackOptions of(int gatewayPort, String redisUrl, String kafkaBootstrapServers, Path stackDir,
            Path workDir, String internalSecret, String demoKey) {
        return new LocalStackOptions(gatewayPort, redisUrl, kafkaBootstrapServers, stackDir, workDir, internalSecret,
                "demo", demoKey, LOCAL_MANAGEMENT_KEY, LOCAL_OPERATOR_KEY, new BigDecimal("100"),
                DEFAULT_JVM_OPTIONS, Map.of(), LocalStack.defaultStartTimeout());
    }

    public LocalStackOptions withAdministrationKeys(String managementKey, String operator) {
        return new LocalStackOptions(gatewayPort, redisUrl, kafkaBootstrapServers, stackDir, workDir, internalSecret,
                demoTenant, demoKey, managementKey, operator, demoCredit, jvmOptions, extraProperties, startTimeout);
    }

    public LocalStackOptions withExtraProperties(Map<String, String> properties) {
        return new LocalStackOptions(gatewayPort, redisUrl, kafkaBootstrapServers, stackDir, workDir, internalSecret,
                demoTenant, demoKey, demoManagementKey, operatorKey, demoCredit, jvmOptions, properties,
                startTimeout);
    }
}
