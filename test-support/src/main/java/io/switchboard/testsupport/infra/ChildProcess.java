package io.switchboard.testsupport.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts a child process with its output in a log file, and stops it (and its children) reliably. */
public final class ChildProcess {

    private ChildProcess() {
    }

    public static Process start(List<String> command, Path logFile) {
        return start(command, Map.of(), logFile);
    }

    /** Starts {@code command} with {@code environment} added to this process's (secrets go here, not in argv). */
    public static Process start(List<String> command, Map<String, String> environment, Path logFile) {
        try {
            File log = logFile.toFile();
            log.getParentFile().mkdirs();
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
            builder.environment().putAll(environment);
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, Duration.ofSeconds(5))));
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command.getFirst(), e);
        }
    }

    /** SIGTERM, then SIGKILL after {@code grace}; waits for exit. */
    public static void stop(Process process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The java executable of the running JVM, so children run on the same JDK. */
    public static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
