package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the processes under test cost, read from Linux's {@code /proc}: CPU time (user + system, of a process and its
 * children such as nginx's workers), resident memory, and a JVM's live heap after a full collection ({@code jcmd
 * GC.class_histogram}, which collects first and then counts only reachable objects).
 */
final class ProcessMeter {

    /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every Linux this runs on (USER_HZ). */
    private static final long TICKS_PER_SECOND = 100;

    private final Map<String, ProcessHandle> processes;

    ProcessMeter(Map<String, ProcessHandle> processes) {
        this.processes = new LinkedHashMap<>(processes);
    }

    Map<String, ProcessHandle> processes() {
        return processes;
    }

    /** CPU nanoseconds used so far by each watched process and its descendants. */
    Map<String, Long> cpuNanos() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        processes.forEach((name, handle) -> {
            long ticks = ticks(handle.pid());
            if (!"loadgen".equals(name)) {
                ticks += handle.descendants().mapToLong(child -> ticks(child.pid())).sum();
            }
            cpu.put(name, ticks * (1_000_000_000L / TICKS_PER_SECOND));
        });
        return cpu;
    }

    /** Resident set size in bytes of each watched process (with its descendants). */
    Map<String, Long> rssBytes() {
        Map<String, Long> rss = new LinkedHashMap<>();
        processes.forEach((name, handle) -> {
            long bytes = rss(handle.pid());
            if (!"loadgen".equals(name)) {
                bytes += handle.descendants().mapToLong(child -> rss(child.pid())).sum();
            }
            rss.put(name, bytes);
        });
        return rss;
    }

    static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> delta = new LinkedHashMap<>();
        after.forEach((name, value) -> delta.put(name, value - before.getOrDefault(name, 0L)));
        return delta;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces; fields after its closing parenthesis are fixed.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static long rss(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst()
                    .orElse(0);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /**
     * The live heap of JVM {@code pid} after a full collection, class by class ({@code jcmd GC.class_histogram}).
     *
     * @param totalBytes bytes of reachable objects; -1 if jcmd could not tell
     * @param bytesByClass bytes per class name
     */
    record Heap(long totalBytes, Map<String, Long> bytesByClass) {

        static final Heap UNKNOWN = new Heap(-1, Map.of());
    }

    static Heap liveHeap(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                    .redirectErrorStream(true)
                    .start();
            List<String> lines = new ArrayList<>();
            try (var reader = process.inputReader()) {
                reader.lines().forEach(lines::add);
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Heap.UNKNOWN;
            }
            Map<String, Long> byClass = new LinkedHashMap<>();
            long total = -1;
            for (String line : lines) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length >= 3 && parts[0].equals("Total")) {
                    total = Long.parseLong(parts[2]);
                } else if (parts.length >= 4 && parts[0].endsWith(":")) {
                    // "   1:   12345   678900  java.lang.String (java.base@25)"
                    byClass.merge(parts[3], Long.parseLong(parts[2]), Long::sum);
                }
            }
            return new Heap(total, byClass);
        } catch (IOException | RuntimeException e) {
            return Heap.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Heap.UNKNOWN;
        }
    }
}
