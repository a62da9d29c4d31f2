package io.switchboard.localstack;

import io.switchboard.testsupport.infra.ChildProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Switchboard service (or the simulator) running as its own JVM from its runnable jar, on ports it chose itself
 * (port 0) and reported through {@code switchboard.port-file}. Started when its readiness probe says so.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, int managementPort, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /**
     * Starts {@code jar} with Spring Boot {@code properties} (as command-line arguments) and {@code environment}
     * (secrets), and waits until it is ready.
     *
     * @param port the HTTP port, 0 for any free one
     */
    static ServiceProcess start(String name, Path jar, int port, Map<String, String> properties,
            Map<String, String> environment, List<String> jvmOptions, Path workDir, Duration timeout) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build first (mvn -DskipTests package)");
        }
        Path portFile = workDir.resolve(name + ".port");
        Path managementPortFile = workDir.resolve(name + "-management.port");
        Path log = workDir.resolve("logs").resolve(name + ".log");
        try {
            Files.deleteIfExists(portFile);
            Files.deleteIfExists(managementPortFile);
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--management.server.port=0",
                "--switchboard.port-file=" + portFile));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Process process = ChildProcess.start(command, environment, log);
        Instant deadline = Instant.now().plus(timeout);
        int boundPort = readPort(portFile, process, deadline, name, log);
        int boundManagementPort = readPort(managementPortFile, process, deadline, name, log);
        ServiceProcess service = new ServiceProcess(name, process, boundPort, boundManagementPort, log);
        service.awaitReady(deadline);
        return service;
    }

    public String name() {
        return name;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public URI managementUrl() {
        return URI.create("http://127.0.0.1:" + managementPort);
    }

    public Path log() {
        return log;
    }

    public Process process() {
        return process;
    }

    @Override
    public void close() {
        ChildProcess.stop(process, Duration.ofSeconds(30));
    }

    private void awaitReady(Instant deadline) {
        HttpRequest probe = HttpRequest.newBuilder(managementUrl().resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (true) {
            failIfDead(process, name, log);
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " did not become ready; see " + log);
            }
            pause();
        }
    }

    private static int readPort(Path file, Process process, Instant deadline, String name, Path log) {
        while (true) {
            failIfDead(process, name, log);
            try {
                if (Files.exists(file)) {
                    String text = Files.readString(file).trim();
                    if (!text.isEmpty()) {
                        return Integer.parseInt(text);
                    }
                }
            } catch (IOException | NumberFormatException partiallyWritten) {
                // read again
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " did not report its port; see " + log);
            }
            pause();
        }
    }

    private static void failIfDead(Process process, String name, Path log) {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with status " + process.exitValue() + ":\n" + tail(log));
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
