package io.switchboard.bench;

import io.switchboard.localstack.LocalStack;
import io.switchboard.localstack.LocalStackOptions;
import io.switchboard.testsupport.infra.KafkaBrokerProcess;
import io.switchboard.testsupport.infra.LocalRedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything under test, started once per run: Redis, Kafka, the local stack (simulator and four services), the plain
 * Spring Cloud Gateway and nginx; the four targets over them; and an API key for the full path.
 */
final class Cluster implements AutoCloseable {

    /** The services' own default options ({@link LocalStackOptions#DEFAULT_JVM_OPTIONS}) with room for 10,000 streams. */
    static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx1g", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError");

    private static final String PROVIDER_PATH = "/deepinfra/v1/chat/completions";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<AutoCloseable> started;
    private final List<Target> targets;
    private final ProcessMeter meter;

    private Cluster(List<AutoCloseable> started, List<Target> targets, ProcessMeter meter) {
        this.started = started;
        this.targets = targets;
        this.meter = meter;
    }

    List<Target> targets() {
        return targets;
    }

    ProcessMeter meter() {
        return meter;
    }

    static Cluster start(Path stackDir, Path workDir, @org.jspecify.annotations.Nullable Path jfrDir,
            int maxStreams) {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            Files.createDirectories(workDir);
            LocalRedisServer redis = LocalRedisServer.start(0, workDir);
            started.add(redis);
            KafkaBrokerProcess kafka = KafkaBrokerProcess.start(0, Files.createTempDirectory(workDir, "kafka-"));
            started.add(kafka);
            List<String> jvm = new ArrayList<>(JVM_OPTIONS);
            if (jfrDir != null) {
                Files.createDirectories(jfrDir);
                // A directory as file name: each JVM writes <pid>-<date>.jfr into it on exit.
                jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfrDir + "/");
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            LocalStackOptions options = new LocalStackOptions(0, redis.url(), kafka.bootstrapServers(), stackDir,
                    workDir, HexFormat.of().formatHex(secret), "demo", "sk-sb-v1-benchdemo" + "0".repeat(34),
                    LocalStackOptions.LOCAL_MANAGEMENT_KEY, LocalStackOptions.LOCAL_OPERATOR_KEY, new BigDecimal("100"),
                    jvm,
                    // routing's pool to one provider host holds 1,000 connections by default; the ramp needs more.
                    // Traces sampled as the Helm chart deploys them (tracing.samplingProbability 0.1), not the
                    // local stack's every request.
                    Map.of("switchboard.routing.http.max-connections", Integer.toString(maxStreams + 1000),
                            "management.tracing.sampling.probability", "0.1"),
                    Duration.ofSeconds(180));
            System.out.println("Starting Redis, Kafka, the provider simulator and the four services ...");
            LocalStack stack = LocalStack.start(options);
            started.add(stack);
            URI simulator = stack.service("provider-simulator").url();
            PlainGateway scg = PlainGateway.start(simulator, JVM_OPTIONS, workDir);
            started.add(scg);
            Nginx nginx = Nginx.start(simulator, workDir, maxStreams + 1000);
            started.add(nginx);

            String gateway = stack.service("gateway-service").url().toString();
            topUp(gateway, options.operatorKey(), "demo", "100000");
            String benchKey = createKey(gateway, options.demoManagementKey());

            Map<String, ProcessHandle> processes = new LinkedHashMap<>();
            processes.put("simulator", stack.service("provider-simulator").process().toHandle());
            processes.put("nginx", nginx.handle());
            processes.put("scg", scg.handle());
            processes.put("gateway", stack.service("gateway-service").process().toHandle());
            processes.put("routing", stack.service("routing-service").process().toHandle());
            processes.put("billing", stack.service("billing-service").process().toHandle());
            processes.put("catalog", stack.service("catalog-service").process().toHandle());
            find(cmd -> cmd.startsWith("/usr/bin/redis") || cmd.contains("redis-server"))
                    .ifPresent(handle -> processes.put("redis", handle));
            find(cmd -> cmd.contains("kafka.Kafka ")).ifPresent(handle -> processes.put("kafka", handle));
            processes.put("loadgen", ProcessHandle.current());

            List<Target> targets = List.of(
                    new Target("direct", "the provider simulator itself", simulator.resolve(PROVIDER_PATH),
                            "Bearer sk-simulator", List.of(), List.of("simulator")),
                    new Target("nginx", "nginx (proxy_buffering off) to the simulator",
                            nginx.url().resolve(PROVIDER_PATH), "Bearer sk-simulator", List.of("nginx"), List.of()),
                    new Target("scg", "one plain Spring Cloud Gateway route to the simulator",
                            scg.url().resolve(PROVIDER_PATH), "Bearer sk-simulator", List.of("scg"), List.of("scg")),
                    new Target("switchboard",
                            "gateway-service (auth, rate limit, credit) to routing-service to the simulator",
                            URI.create(gateway + "/api/v1/chat/completions"), "Bearer " + benchKey,
                            List.of("gateway", "routing"), List.of("gateway", "routing")));
            return new Cluster(started, targets, new ProcessMeter(processes));
        } catch (IOException e) {
            closeAll(started);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    /** A descendant of this JVM by its full command line (Debian's redis-server is a link to redis-check-rdb). */
    private static Optional<ProcessHandle> find(java.util.function.Predicate<String> commandLine) {
        return ProcessHandle.current().descendants().filter(handle -> {
            try {
                String line = new String(Files.readAllBytes(Path.of("/proc", Long.toString(handle.pid()), "cmdline")))
                        .replace('\0', ' ');
                return commandLine.test(line);
            } catch (IOException | RuntimeException gone) {
                return false;
            }
        }).findFirst();
    }

    /** Credit for the run: every admitted request holds its maximum cost until billing settles it. */
    private static void topUp(String gateway, String operatorKey, String tenant, String usd) {
        String body = "{\"tenant_id\":\"" + tenant + "\",\"id\":\"bench-" + Instant.now().toEpochMilli()
                + "\",\"amount\":\"" + usd + "\",\"description\":\"benchmark credit\"}";
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            HttpResponse<String> response = post(gateway + "/api/v1/admin/credits", operatorKey, body);
            if (response.statusCode() == 200) {
                return;
            }
            if (response.statusCode() != 202 && response.statusCode() != 503 || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Top-up failed: " + response.statusCode() + " " + response.body());
            }
            LoadGenerator.sleep(Duration.ofMillis(500));
        }
    }

    /**
     * An inference key whose limits are evaluated on every request (one Lua call, as for any key) but are too high to
     * throttle the benchmark.
     */
    private static String createKey(String gateway, String managementKey) {
        HttpResponse<String> response = post(gateway + "/api/v1/keys", managementKey,
                "{\"name\":\"bench\",\"rate_limits\":{\"requests_per_minute\":1000000000,"
                        + "\"tokens_per_minute\":2000000000}}");
        Matcher key = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 201 || !key.find()) {
            throw new IllegalStateException("Key creation failed: " + response.statusCode() + " " + response.body());
        }
        return key.group(1);
    }

    private static HttpResponse<String> post(String url, String bearer, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + bearer)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closeAll(started);
    }

    private static void closeAll(List<AutoCloseable> started) {
        for (AutoCloseable closeable : started.reversed()) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("Could not stop " + closeable + ": " + e);
            }
        }
    }
}
