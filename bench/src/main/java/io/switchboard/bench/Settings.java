package io.switchboard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * How long each part of a run takes: the default run fits in about 15 minutes, {@code --quick} in about five (with start-up).
 *
 * @param warmup load on the full path before anything is measured (JIT, pools, caches); the plain gateway gets a third
 * @param settle load before each measured window, not recorded
 * @param window each closed-model window
 * @param openWindow the fixed-rate window
 * @param rampStreams slow streams the open-streams ramp opens
 * @param rampPerSecond pace of the ramp
 * @param hold how long the ramp's streams stay open before memory is measured
 * @param jfr whether the services run with Java Flight Recorder (profile settings), for profiling only
 */
record Settings(boolean quick, Duration warmup, Duration settle, Duration window, Duration openWindow,
        int rampStreams, int rampPerSecond, Duration hold, boolean jfr) {

    static final int OPEN_RATE = 1000;
    static final List<Integer> NON_STREAM_CONCURRENCY = List.of(16, 64, 256);
    static final List<Integer> STREAM_CONCURRENCY = List.of(64, 512);
    static final int RAMP_TARGET = 10_000;

    static Settings parse(List<String> args) {
        boolean quick = args.contains("--quick");
        boolean jfr = args.contains("--jfr");
        int ramp = Math.min(RAMP_TARGET, streamsTheFileLimitAllows());
        if (quick) {
            return new Settings(true, Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(3),
                    Duration.ofSeconds(4), Math.min(ramp, 1000), 500, Duration.ofSeconds(2), jfr);
        }
        return new Settings(false, Duration.ofSeconds(60), Duration.ofSeconds(3), Duration.ofSeconds(10),
                Duration.ofSeconds(15), ramp, 1000, Duration.ofSeconds(5), jfr);
    }

    /**
     * A proxy holds two sockets per stream (client side and upstream), so a process's open-file limit caps the ramp:
     * half of it, less a margin for everything else a service has open.
     */
    static int streamsTheFileLimitAllows() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/limits"))) {
            return lines.filter(line -> line.startsWith("Max open files"))
                    .map(line -> line.substring("Max open files".length()).trim().split("\\s+")[0])
                    .mapToInt(limit -> "unlimited".equals(limit) ? Integer.MAX_VALUE : Integer.parseInt(limit))
                    .map(limit -> (limit - 1000) / 2)
                    .findFirst()
                    .orElse(RAMP_TARGET);
        } catch (Exception e) {
            return RAMP_TARGET;
        }
    }
}
