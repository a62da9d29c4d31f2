package io.switchboard.testsupport.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;

/**
 * A single-node KRaft Kafka broker (broker and controller in one) run as a child JVM from this JVM's class path, which
 * holds {@code kafka_2.13}. A separate process can be stopped and restarted with its data, which outage tests need,
 * and keeps the broker's memory out of the test JVM.
 */
public final class KafkaBrokerProcess implements KafkaBroker {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final String classPath;
    private @Nullable Process process;

    private KafkaBrokerProcess(Path dir, int port, int controllerPort, String classPath) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.classPath = classPath;
    }

    /** Formats a fresh log directory under {@code workDir} and starts the broker on {@code port} (0: a free one). */
    public static KafkaBrokerProcess start(int port, Path workDir) {
        String classPath = System.getProperty("java.class.path");
        if (!classPath.contains("kafka_2.13")) {
            throw new IllegalStateException("kafka_2.13 is not on the class path; depend on test-support at runtime");
        }
        KafkaBrokerProcess broker = new KafkaBrokerProcess(workDir, port == 0 ? FreePorts.next() : port,
                FreePorts.next(), classPath);
        broker.format();
        broker.start();
        return broker;
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        Process started = ChildProcess.start(java("kafka.Kafka", properties().toString()), dir.resolve("kafka.log"));
        FreePorts.awaitOpen(port, started, Duration.ofSeconds(90), "Kafka broker");
        awaitReady(started);
        process = started;
    }

    @Override
    public synchronized void stop() {
        if (process != null) {
            ChildProcess.stop(process, Duration.ofSeconds(20));
            FreePorts.awaitClosed(port, Duration.ofSeconds(10));
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void format() {
        try {
            Files.createDirectories(dir.resolve("logs"));
            Files.writeString(dir.resolve("logback-kafka.xml"), """
                    <configuration>
                      <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
                      </appender>
                      <root level="WARN"><appender-ref ref="out"/></root>
                    </configuration>
                    """);
            Properties props = new Properties();
            props.putAll(Map.of("process.roles", "broker,controller", "node.id", "1", "controller.quorum.voters",
                    "1@127.0.0.1:" + controllerPort, "listeners",
                    "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners", "PLAINTEXT://127.0.0.1:" + port, "controller.listener.names", "CONTROLLER",
                    "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT", "log.dirs",
                    dir.resolve("logs").toString()));
            props.putAll(Map.of("offsets.topic.replication.factor", "1", "transaction.state.log.replication.factor",
                    "1", "transaction.state.log.min.isr", "1", "share.coordinator.state.topic.replication.factor", "1",
                    "share.coordinator.state.topic.min.isr", "1", "group.initial.rebalance.delay.ms", "0",
                    "num.partitions", "3", "auto.create.topics.enable", "true", "log.flush.interval.messages", "1"));
            try (var out = Files.newBufferedWriter(properties())) {
                props.store(out, "Switchboard single-node KRaft broker");
            }
            String clusterId = Uuid.randomUuid().toString();
            Process format = ChildProcess.start(java("kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
                    properties().toString(), "--ignore-formatted"), dir.resolve("kafka-format.log"));
            if (!format.waitFor(90, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException(
                        "Formatting Kafka storage failed; see " + dir.resolve("kafka-format.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Path properties() {
        return dir.resolve("server.properties");
    }

    private List<String> java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-Xms128m", "-Xmx512m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-Dlogback.configurationFile=" + dir.resolve("logback-kafka.xml"), "-cp", classPath, mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private void awaitReady(Process started) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "readiness-" + UUID.randomUUID(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10000);
        for (int attempt = 0; attempt < 60; attempt++) {
            if (!started.isAlive()) {
                throw new IllegalStateException("Kafka broker exited; see " + dir.resolve("kafka.log"));
            }
            try (Admin admin = Admin.create(config)) {
                admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                FreePorts.pause(Duration.ofMillis(250));
            }
        }
        throw new IllegalStateException("Kafka broker did not become ready; see " + dir.resolve("kafka.log"));
    }
}
