package io.switchboard.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole Switchboard cluster on one machine: the provider simulator and the four services as separate processes
 * talking over real HTTP, on the Redis and Kafka given. Every provider of the catalog is pointed at the simulator,
 * and a demo tenant with known inference and management keys is created, next to a known operator key. Used by the README's start command and by the end-to-end tests.
 */
public final class LocalStack implements AutoCloseable {

    /** Provider credential variables of the shipped catalog; the simulator accepts any key. */
    private static final List<String> PROVIDER_KEYS = List.of("MISTRAL_API_KEY", "DEEPINFRA_API_KEY",
            "TOGETHER_API_KEY", "GROQ_API_KEY", "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GOOGLE_API_KEY");

    private final LocalStackOptions options;
    private final Map<String, ServiceProcess> services;

    private LocalStack(LocalStackOptions options, Map<String, ServiceProcess> services) {
        this.options = options;
        this.services = services;
    }

    /** Starts everything and returns once every service is ready; on failure, stops what it started. */
    public static LocalStack start(LocalStackOptions options) {
        Map<String, ServiceProcess> started = Collections.synchronizedMap(new LinkedHashMap<>());
        try {
            Map<String, String> common = new HashMap<>();
            common.put("spring.kafka.bootstrap-servers", options.kafkaBootstrapServers());
            common.put("spring.data.redis.url", options.redisUrl());
            common.putAll(options.extraProperties());
            Map<String, String> secrets = new HashMap<>();
            secrets.put("SWITCHBOARD_INTERNAL_SECRET", options.internalSecret());
            secrets.put("SWITCHBOARD_BOOTSTRAP_KEY", options.demoKey());
            secrets.put("SWITCHBOARD_BOOTSTRAP_TENANT", options.demoTenant());
            secrets.put("SWITCHBOARD_BOOTSTRAP_MANAGEMENT_KEY", options.demoManagementKey());
            secrets.put("SWITCHBOARD_OPERATOR_KEY", options.operatorKey());
            PROVIDER_KEYS.forEach(key -> secrets.put(key, "sk-local-simulator"));

            // Simulator and billing need nothing else; start them side by side.
            CompletableFuture<ServiceProcess> simulator = async(
                    () -> start("provider-simulator", 0, common, secrets, options,
                            started));
            CompletableFuture<ServiceProcess> billing = async(
                    () -> start("billing-service", 0, common, secrets, options,
                            started));
            ServiceProcess sim = simulator.join();
            ServiceProcess billingService = billing.join();
            DemoCredit.grant(billingService.url(), options.internalSecret(), options.demoTenant(),
                    options.demoCredit(), options.startTimeout());
            Map<String, String> catalogProperties = new HashMap<>(common);
            catalogProperties.put("switchboard.catalog.base-url-override", sim.url() + "/{provider}/v1");
            ServiceProcess catalog = start("catalog-service", 0, catalogProperties, secrets, options, started);
            Map<String, String> routingProperties = new HashMap<>(common);
            routingProperties.put("switchboard.catalog-client.url", catalog.url().toString());
            // Per-request simulator steering reaches Anthropic- and Gemini-format endpoints too.
            routingProperties.put("switchboard.routing.adapters.pass-through-fields", "simulator");
            // The usage journal belongs to this stack, not to whatever directory the launcher runs in.
            routingProperties.put("switchboard.routing.usage.spool-dir",
                    options.workDir().resolve("routing-usage-spool").toString());
            ServiceProcess routing = start("routing-service", 0, routingProperties, secrets, options, started);
            Map<String, String> gatewayProperties = new HashMap<>(common);
            gatewayProperties.put("SWITCHBOARD_ROUTING_URL", routing.url().toString());
            gatewayProperties.put("SWITCHBOARD_CATALOG_URL", catalog.url().toString());
            gatewayProperties.put("SWITCHBOARD_BILLING_URL", billingService.url().toString());
            start("gateway-service", options.gatewayPort(), gatewayProperties, secrets, options, started);
            return new LocalStack(options, started);
        } catch (RuntimeException failure) {
            new ArrayList<>(started.values()).reversed().forEach(ServiceProcess::close);
            throw failure instanceof CompletionException && failure.getCause() instanceof RuntimeException cause
                    ? cause
                    : failure;
        }
    }

    private static ServiceProcess start(String name, int port, Map<String, String> properties,
            Map<String, String> secrets, LocalStackOptions options, Map<String, ServiceProcess> started) {
        ServiceProcess service = ServiceProcess.start(name, options.stackDir().resolve(name + ".jar"), port,
                properties, secrets, options.jvmOptions(), options.workDir(), options.startTimeout());
        started.put(name, service);
        return service;
    }

    private static <T> CompletableFuture<T> async(java.util.function.Supplier<T> task) {
        return CompletableFuture.supplyAsync(task);
    }

    /** The public API base, {@code http://127.0.0.1:<port>/api/v1}. */
    public String baseUrl() {
        return service("gateway-service").url() + "/api/v1";
    }

    public String demoKey() {
        return options.demoKey();
    }

    /** A management key of the demo tenant: manages its keys through {@code /api/v1/keys}. */
    public String demoManagementKey() {
        return options.demoManagementKey();
    }

    /** The operator's key: {@code /api/v1/admin/**} (tenants, credits, the catalog). */
    public String operatorKey() {
        return options.operatorKey();
    }

    public String demoTenant() {
        return options.demoTenant();
    }

    public String internalSecret() {
        return options.internalSecret();
    }

    public ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("No service " + name);
        }
        return service;
    }

    public Path workDir() {
        return options.workDir();
    }

    @Override
    public void close() {
        List<ServiceProcess> reverse = new ArrayList<>(services.values()).reversed();
        reverse.forEach(ServiceProcess::close);
    }

    /** How long {@link #start} may take per service. */
    static Duration defaultStartTimeout() {
        return Duration.ofSeconds(120);
    }
}
