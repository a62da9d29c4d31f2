package io.switchboard.testsupport.infra;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** A {@code redis-server} process on loopback, without persistence. */
public final class LocalRedisServer implements RedisServer {

    private final String executable;
    private final int port;
    private final Path logFile;
    private @Nullable Process process;

    private LocalRedisServer(String executable, int port, Path logFile) {
        this.executable = executable;
        this.port = port;
        this.logFile = logFile;
    }

    /** Starts {@code redis-server} from the PATH (or {@code $REDIS_SERVER}) on {@code port} (0 picks a free one). */
    public static LocalRedisServer start(int port, Path workDir) {
        String executable = findExecutable().orElseThrow(() -> new IllegalStateException(
                "redis-server is not installed: install it (Debian: apt-get install -y redis-server) "
                        + "or run where a Docker engine answers"));
        LocalRedisServer server = new LocalRedisServer(executable, port == 0 ? FreePorts.next() : port,
                workDir.resolve("redis.log"));
        server.start();
        return server;
    }

    public static boolean isInstalled() {
        return findExecutable().isPresent();
    }

    private static java.util.Optional<String> findExecutable() {
        String configured = System.getenv("REDIS_SERVER");
        if (configured != null && new File(configured).canExecute()) {
            return java.util.Optional.of(configured);
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/bin", "/usr/local/bin"))
                .map(dir -> Path.of(dir, "redis-server"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        Process started = ChildProcess.start(List.of(executable, "--port", Integer.toString(port), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no", "--daemonize", "no"),
                logFile);
        FreePorts.awaitOpen(port, started, Duration.ofSeconds(20), "redis-server");
        process = started;
    }

    @Override
    public synchronized void stop() {
        if (process != null) {
            ChildProcess.stop(process, Duration.ofSeconds(5));
            FreePorts.awaitClosed(port, Duration.ofSeconds(5));
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
