package io.switchboard.localstack;

import io.switchboard.testsupport.infra.FreePorts;
import io.switchboard.testsupport.infra.KafkaBrokerProcess;
import io.switchboard.testsupport.infra.LocalRedisServer;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * README command one: starts its own Redis and KRaft Kafka broker, the provider simulator and the four services,
 * prints where the API is and the demo key, and stops everything on Ctrl-C.
 *
 * <p>Environment: {@code SWITCHBOARD_PORT} (public port, default 8080), {@code SWITCHBOARD_DEMO_KEY} (default
 * {@value #LOCAL_DEMO_KEY}), {@code SWITCHBOARD_DEMO_MANAGEMENT_KEY}, {@code SWITCHBOARD_OPERATOR_KEY} (defaults in
 * {@link LocalStackOptions}), {@code SWITCHBOARD_WORK_DIR} (logs and data, default {@code .local-stack}).
 */
public final class LocalStackMain {

    /** Fixed so the README's examples work as written; it exists only in this local stack's own Redis. */
    static final String LOCAL_DEMO_KEY = "sk-sb-v1-localdemo0000000000000000000000000000000000";

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(env("SWITCHBOARD_PORT", "8080"));
        if (port != 0 && FreePorts.isOpen(port)) {
            System.err.println("Port " + port + " is already in use. Stop what uses it, or choose another port: "
                    + "SWITCHBOARD_PORT=9090 " + String.join(" ", args));
            System.exit(2);
        }
        Path workDir = Path.of(env("SWITCHBOARD_WORK_DIR", ".local-stack")).toAbsolutePath();
        Files.createDirectories(workDir);
        System.out.println("Starting Switchboard locally (logs in " + workDir.resolve("logs") + ") ...");

        LocalRedisServer redis = LocalRedisServer.start(0, workDir);
        KafkaBrokerProcess kafka = KafkaBrokerProcess.start(0, Files.createTempDirectory(workDir, "kafka-"));
        LocalStack[] stack = new LocalStack[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Switchboard ...");
            if (stack[0] != null) {
                stack[0].close();
            }
            kafka.close();
            redis.close();
        }));

        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        LocalStackOptions options = LocalStackOptions.of(port, redis.url(), kafka.bootstrapServers(), stackDir(),
                workDir, HexFormat.of().formatHex(secret), env("SWITCHBOARD_DEMO_KEY", LOCAL_DEMO_KEY))
                .withAdministrationKeys(env("SWITCHBOARD_DEMO_MANAGEMENT_KEY", LocalStackOptions.LOCAL_MANAGEMENT_KEY),
                        env("SWITCHBOARD_OPERATOR_KEY", LocalStackOptions.LOCAL_OPERATOR_KEY));
        stack[0] = LocalStack.start(options);

        String base = stack[0].baseUrl().replace("127.0.0.1", "localhost");
        System.out.println("""

                Switchboard is ready.

                  Base URL:        %s
                  Demo key:        %s   (tenant "%s", $%s of credit)
                  Management key:  %s   (manages tenant "%s"'s keys: /keys)
                  Operator key:    %s   (tenants and credits: /admin)

                  curl %s/chat/completions \\
                    -H "Authorization: Bearer %s" -H "Content-Type: application/json" \\
                    -d '{"model":"mistralai/mistral-small-2603","messages":[{"role":"user","content":"Hello"}]}'

                Every provider is played by the local simulator. Press Ctrl-C to stop everything.
                """.formatted(base, options.demoKey(), options.demoTenant(), options.demoCredit(),
                options.demoManagementKey(), options.demoTenant(), options.operatorKey(), base, options.demoKey()));
        Thread.currentThread().join();
    }

    /** The runnable service jars: {@code switchboard.stack.dir}, else {@code stack/} beside this launcher's jar. */
    private static Path stackDir() throws URISyntaxException {
        String configured = System.getProperty("switchboard.stack.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        Path launcher = Path.of(LocalStackMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return launcher.getParent().resolve("stack");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
