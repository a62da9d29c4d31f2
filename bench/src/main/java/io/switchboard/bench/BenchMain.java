package io.switchboard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./switchboard bench [--quick] [--jfr] [--only=switchboard]}: starts everything, warms the JVMs, measures every scenario on every
 * target in one run, and writes {@code bench/results/<timestamp>/report.md} and {@code chart.png}. Run from the
 * repository root after {@code mvn -DskipTests package}.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Settings settings = Settings.parse(List.of(args));
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path results = Path.of("bench", "results", stamp).toAbsolutePath();
        Path work = Path.of("bench", "target", "run-" + stamp).toAbsolutePath();
        Path stackDir = Path.of(System.getProperty("switchboard.stack.dir", "local-stack/target/stack"))
                .toAbsolutePath();
        Files.createDirectories(results);
        System.out.println("Benchmark " + (settings.quick() ? "(quick) " : "") + "-> " + results + " (logs in "
                + work.resolve("logs") + ")");

        String loadBefore = Report.loadAverage();
        List<Result> measured = new ArrayList<>();
        List<RampResult> ramps = new ArrayList<>();
        try (Cluster cluster = Cluster.start(stackDir, work, settings.jfr() ? results.resolve("jfr") : null,
                settings.rampStreams())) {
            LoadGenerator load = new LoadGenerator(cluster.meter());
            // --only=<target>[,<target>]: measure some targets only (profiling); ratios need the others.
            List<String> only = List.of(args)
                    .stream()
                    .filter(arg -> arg.startsWith("--only="))
                    .flatMap(arg -> List.of(arg.substring(7).split(",")).stream())
                    .toList();
            List<Target> targets = cluster.targets()
                    .stream()
                    .filter(target -> only.isEmpty() || only.contains(target.name()))
                    .toList();
            smokeTest(load, targets);
            warmUp(load, targets, settings);

            for (int concurrency : Settings.NON_STREAM_CONCURRENCY) {
                for (Target target : targets) {
                    measured.add(print(load.closed("non-stream c" + concurrency, target, Workload.NON_STREAM,
                            concurrency, settings.settle(), settings.window())));
                    pause();
                }
            }
            for (Target target : targets) {
                measured.add(print(load.open("non-stream " + Settings.OPEN_RATE + " req/s", target,
                        Workload.NON_STREAM, Settings.OPEN_RATE, 2048, settings.settle(), settings.openWindow())));
                pause();
            }
            for (int concurrency : Settings.STREAM_CONCURRENCY) {
                for (Target target : targets) {
                    measured.add(print(load.closed("stream c" + concurrency, target, Workload.STREAM, concurrency,
                            settings.settle(), settings.window())));
                    pause();
                }
            }
            for (Target target : targets) {
                RampResult ramp = load.ramp(target, settings.rampStreams(), settings.rampPerSecond(), settings.hold());
                System.out.printf(Locale.ROOT, "  open streams  %-12s %d of %d open, %d errors%n", target.name(),
                        ramp.open(), ramp.requested(), ramp.errors());
                ramps.add(ramp);
                pause();
            }
        }
        Path report = Report.write(results, settings, measured, ramps, loadBefore, Report.loadAverage());
        Chart.write(results.resolve("chart.png"), measured, ramps);
        System.out.println("\nReport: " + report + "\nChart:  " + results.resolve("chart.png"));
        System.exit(0);
    }

    private static void smokeTest(LoadGenerator load, List<Target> targets) {
        for (Target target : targets) {
            for (Workload workload : List.of(Workload.NON_STREAM, Workload.STREAM)) {
                Result probe = load.closed("probe", target, workload, 1, Duration.ZERO, Duration.ofSeconds(1));
                if (probe.ok() == 0 || probe.errors() > 0) {
                    throw new IllegalStateException(target.name() + " does not answer a " + workload.name()
                            + " request (" + probe.errors() + " errors); see the logs");
                }
            }
        }
    }

    /** About a minute of load on the full path, a third of it on the plain gateway: JIT, pools, caches. */
    private static void warmUp(LoadGenerator load, List<Target> targets, Settings settings) {
        System.out.println("Warming up (" + settings.warmup().toSeconds() + " s on the full path) ...");
        for (Target target : targets) {
            Duration total = switch (target.name()) {
                case "switchboard" -> settings.warmup();
                case "scg" -> settings.warmup().dividedBy(3);
                default -> settings.warmup().dividedBy(10);
            };
            Duration streams = total.dividedBy(3);
            load.closed("warm-up", target, Workload.NON_STREAM, 64, Duration.ZERO, total.minus(streams));
            load.closed("warm-up", target, Workload.STREAM, 64, Duration.ZERO, streams);
        }
    }

    private static Result print(Result result) {
        System.out.printf(Locale.ROOT,
                "  %-22s %-12s %9.0f/s  p50 %7.2f ms  p99 %7.2f ms  ttft p50 %6.2f ms  errors %d  cpu %6.1f us/req%n",
                result.scenario(), result.target().name(), result.throughput(), result.latencyMillis(50),
                result.latencyMillis(99), result.ttftMillis(50), result.errors(), result.proxyCpuMicrosPerRequest());
        return result;
    }

    private static void pause() {
        LoadGenerator.sleep(Duration.ofSeconds(1));
    }
}
