package io.switchboard.testsupport.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The Redis and Kafka every integration test shares within one JVM, started on first use and stopped when the JVM
 * exits. Where a Docker engine answers, they run in containers (Testcontainers); otherwise a local {@code redis-server}
 * and a KRaft broker process. {@code SWITCHBOARD_TEST_INFRA=local|docker} (or the system property
 * {@code switchboard.test.infra}) forces the choice.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    private static @Nullable RedisServer redis;
    private static @Nullable KafkaBroker kafka;
    private static @Nullable Boolean docker;
    private static @Nullable Path workDir;

    private TestInfrastructure() {
    }

    public static synchronized RedisServer redis() {
        if (redis == null) {
            redis = useDocker() ? new ContainerRedisServer() : LocalRedisServer.start(0, workDir());
            log.info("Test Redis at {}", redis.url());
        }
        return redis;
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = useDocker() ? new ContainerKafkaBroker() : KafkaBrokerProcess.start(0, workDir().resolve("kafka"));
            log.info("Test Kafka at {}", kafka.bootstrapServers());
        }
        return kafka;
    }

    /** Whether containers are used: forced by configuration, else whether a Docker engine answers. */
    public static synchronized boolean useDocker() {
        if (docker == null) {
            String forced = System.getProperty("switchboard.test.infra", System.getenv("SWITCHBOARD_TEST_INFRA"));
            if (forced != null) {
                docker = forced.toLowerCase(Locale.ROOT).equals("docker");
            } else {
                docker = dockerAnswers();
            }
            log.info("Test infrastructure: {}", docker ? "Testcontainers" : "local processes");
        }
        return docker;
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Path workDir() {
        if (workDir == null) {
            try {
                workDir = Files.createTempDirectory("switchboard-test-infra-");
                Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::shutdown));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return workDir;
    }

    private static synchronized void shutdown() {
        for (AutoCloseable resource : new AutoCloseable[]{redis, kafka}) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception ignored) {
                    // the JVM is exiting; a child process dies with it either way
                }
            }
        }
        if (workDir != null) {
            WorkDirs.deleteRecursively(workDir);
        }
    }
}
