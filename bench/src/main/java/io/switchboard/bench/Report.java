package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The markdown report: every figure of the run, ratios against the baselines of the same run, and the targets. */
final class Report {

    private static final List<String> PROCESSES = List.of("gateway", "routing", "billing", "catalog", "redis",
            "kafka", "simulator", "nginx", "scg", "loadgen");

    private Report() {
    }

    static Path write(Path dir, Settings settings, List<Result> results, List<RampResult> ramps, String loadBefore,
            String loadAfter) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# Switchboard benchmark\n\n");
        out.append("Run ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append(settings.quick() ? " (`--quick`: short windows, figures are indicative only)" : "")
                .append(settings.jfr() ? " (with JFR on every JVM: slower than a plain run)" : "")
                .append(".\n\n");
        out.append("Machine: ")
                .append(cpuModel())
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ")
                .append(memory())
                .append("; Java ")
                .append(System.getProperty("java.version"))
                .append("; service JVMs `")
                .append(String.join(" ", Cluster.JVM_OPTIONS))
                .append("`; commit ")
                .append(commit())
                .append(". Load average (1/5/15 min) ")
                .append(loadBefore)
                .append(" before the run, ")
                .append(loadAfter)
                .append(" after: above ~2, other work shared these two cores, which latencies show first.\n\n");
        out.append("Windows: ")
                .append(settings.window().toSeconds())
                .append(" s per closed-model scenario, ")
                .append(settings.openWindow().toSeconds())
                .append(" s at the fixed rate, each after ")
                .append(settings.settle().toSeconds())
                .append(" s of unrecorded load; ")
                .append(settings.warmup().toSeconds())
                .append(" s of warm-up first. Targets: ")
                .append("**direct** = the simulator, **nginx** = nginx in front of it, **scg** = one plain Spring "
                        + "Cloud Gateway route, **switchboard** = gateway-service → routing-service (API key, rate "
                        + "limit, credit reservation, usage event) → simulator.\n\n");

        out.append(targets(results, ramps)).append('\n');

        Set<String> scenarios = new LinkedHashSet<>();
        results.forEach(result -> scenarios.add(result.scenario()));
        out.append("## Scenarios\n\n");
        out.append("Latencies in ms; *added* = this target's percentile minus direct's; CPU = µs of CPU time per ")
                .append("request in the target's own processes (nginx; scg; gateway + routing), *× scg* its ratio ")
                .append("to the plain gateway's. Open model: latency from the intended send time.\n\n");
        for (String scenario : scenarios) {
            List<Result> rows = results.stream().filter(r -> r.scenario().equals(scenario)).toList();
            boolean stream = rows.getFirst().ttft() != null;
            out.append("### ").append(scenario).append("\n\n");
            out.append("| target | req/s | × nginx | p50 | p99 | added p50 | added p99 |");
            if (stream) {
                out.append(" TTFT p50 | TTFT p99 | added TTFT p50 | added TTFT p99 |");
            }
            out.append(" errors | CPU µs/req | × scg |\n|---|---|---|---|---|---|---|");
            out.append(stream ? "---|---|---|---|" : "").append("---|---|---|\n");
            Optional<Result> direct = find(rows, "direct");
            Optional<Result> nginx = find(rows, "nginx");
            Optional<Result> scg = find(rows, "scg");
            for (Result row : rows) {
                out.append("| ")
                        .append(row.target().name())
                        .append(" | ")
                        .append(fmt0(row.throughput()))
                        .append(" | ")
                        .append(ratio(row.throughput(), nginx.map(Result::throughput)))
                        .append(" | ")
                        .append(fmt2(row.latencyMillis(50)))
                        .append(" | ")
                        .append(fmt2(row.latencyMillis(99)))
                        .append(" | ")
                        .append(diff(row.latencyMillis(50), direct.map(r -> r.latencyMillis(50))))
                        .append(" | ")
                        .append(diff(row.latencyMillis(99), direct.map(r -> r.latencyMillis(99))));
                if (stream) {
                    out.append(" | ")
                            .append(fmt2(row.ttftMillis(50)))
                            .append(" | ")
                            .append(fmt2(row.ttftMillis(99)))
                            .append(" | ")
                            .append(diff(row.ttftMillis(50), direct.map(r -> r.ttftMillis(50))))
                            .append(" | ")
                            .append(diff(row.ttftMillis(99), direct.map(r -> r.ttftMillis(99))));
                }
                out.append(" | ")
                        .append(row.errors())
                        .append(" | ")
                        .append(row.target().proxies().isEmpty()
                                ? "–"
                                : fmt1(row.proxyCpuMicrosPerRequest()))
                        .append(" | ")
                        .append(row.target().proxies().isEmpty()
                                ? "–"
                                : ratio(row.proxyCpuMicrosPerRequest(), scg.map(Result::proxyCpuMicrosPerRequest)))
                        .append(" |\n");
            }
            out.append('\n');
        }

        out.append("## CPU time per request, every process (µs)\n\n");
        out.append("All processes' CPU during each window divided by the target's successful requests; a process not ")
                .append("on the target's path shows its idle background. The load generator (`loadgen`) shares the ")
                .append("machine.\n\n");
        out.append("| scenario | target |");
        PROCESSES.forEach(p -> out.append(' ').append(p).append(" |"));
        out.append("\n|---|---|").append("---|".repeat(PROCESSES.size())).append('\n');
        for (Result row : results) {
            out.append("| ").append(row.scenario()).append(" | ").append(row.target().name()).append(" |");
            PROCESSES.forEach(p -> out.append(' ').append(fmt1(row.cpuMicrosPerRequest(p))).append(" |"));
            out.append('\n');
        }

        out.append(
                "\n## Resident memory (MB) at the end of non-stream c256 and of each stream scenario\n\n| scenario | target |");
        PROCESSES.forEach(p -> out.append(' ').append(p).append(" |"));
        out.append("\n|---|---|").append("---|".repeat(PROCESSES.size())).append('\n');
        for (Result row : results) {
            if (row.ttft() == null && !row.scenario().endsWith("c256")) {
                continue;
            }
            out.append("| ").append(row.scenario()).append(" | ").append(row.target().name()).append(" |");
            PROCESSES.forEach(p -> out.append(' ').append(fmt0(row.rssBytes().getOrDefault(p, 0L) / 1e6)).append(" |"));
            out.append('\n');
        }

        out.append("\n## Open-streams ramp\n\n");
        out.append(
                "Slow streams (one chunk a second) opened at a steady pace and held; live heap measured after a full ")
                .append("GC (`jcmd GC.class_histogram`) before the ramp and with every stream open; resident memory ")
                .append("likewise. Per stream = difference / open streams.\n\n");
        out.append("| target | requested | open | errors | TTFT p50 | TTFT p99 | heap per stream (KB) | RSS per stream "
                + "(KB) |\n|---|---|---|---|---|---|---|---|\n");
        for (RampResult ramp : ramps) {
            List<String> heaps = new ArrayList<>();
            List<String> rss = new ArrayList<>();
            for (String jvm : ramp.target().jvms()) {
                heaps.add(jvm + " " + fmt1(ramp.heapPerStream(jvm) / 1024));
            }
            List<String> processes = ramp.target().proxies().isEmpty()
                    ? List.of("simulator")
                    : ramp.target().proxies();
            for (String process : processes) {
                rss.add(process + " " + fmt1(ramp.rssPerStream(process) / 1024));
            }
            out.append("| ")
                    .append(ramp.target().name())
                    .append(" | ")
                    .append(ramp.requested())
                    .append(" | ")
                    .append(ramp.open())
                    .append(" | ")
                    .append(ramp.errors())
                    .append(" | ")
                    .append(fmt2(ramp.ttft().getValueAtPercentile(50) / 1000.0))
                    .append(" | ")
                    .append(fmt2(ramp.ttft().getValueAtPercentile(99) / 1000.0))
                    .append(" | ")
                    .append(heaps.isEmpty() ? "–" : String.join(", ", heaps))
                    .append(" | ")
                    .append(String.join(", ", rss))
                    .append(" |\n");
        }
        out.append("\nWhat the heap per stream is made of (bytes per open stream, the classes that grew most):\n\n");
        for (RampResult ramp : ramps) {
            for (String jvm : ramp.target().jvms()) {
                List<String> top = ramp.topGrowth(jvm, 8)
                        .stream()
                        .map(e -> "`" + e.getKey() + "` " + fmt0(e.getValue()))
                        .toList();
                if (!top.isEmpty()) {
                    out.append("- ")
                            .append(ramp.target().name())
                            .append(" / ")
                            .append(jvm)
                            .append(": ")
                            .append(String.join(", ", top))
                            .append('\n');
                }
            }
        }
        if (!settings.quick() && ramps.stream().anyMatch(r -> r.requested() < Settings.RAMP_TARGET)) {
            out.append("\nThe ramp stopped at ")
                    .append(ramps.getFirst().requested())
                    .append(" streams, not ")
                    .append(Settings.RAMP_TARGET)
                    .append(": a proxy holds two sockets per stream and this machine's open-file limit (`ulimit -Hn`)")
                    .append(" allows no more per process.\n");
        }
        Path report = dir.resolve("report.md");
        Files.writeString(report, out);
        return report;
    }

    /** The targets, each with the figure measured in this run. */
    private static String targets(List<Result> results, List<RampResult> ramps) {
        StringBuilder out = new StringBuilder("## Targets\n\n| target | measured | met |\n|---|---|---|\n");
        Optional<Result> scgC64 = find(results, "non-stream c64", "scg");
        Optional<Result> sbC64 = find(results, "non-stream c64", "switchboard");
        if (scgC64.isPresent() && sbC64.isPresent()) {
            double sb = sbC64.get().proxyCpuMicrosPerRequest();
            double scg = scgC64.get().proxyCpuMicrosPerRequest();
            row(out, "CPU per non-stream request, gateway + routing ≤ one plain SCG route (c64)",
                    fmt1(sb) + " µs vs " + fmt1(scg) + " µs = " + fmt2(sb / scg) + "×", sb <= scg);
        }
        double sbPeak = peak(results, "switchboard");
        double nginxPeak = peak(results, "nginx");
        row(out, "Full-path throughput ≥ 30 % of nginx's (best of c16/c64/c256)",
                fmt0(sbPeak) + " vs " + fmt0(nginxPeak) + " req/s = " + fmt0(100 * sbPeak / nginxPeak) + " %",
                sbPeak >= 0.3 * nginxPeak);
        String open = "non-stream " + Settings.OPEN_RATE + " req/s";
        Optional<Result> sbOpen = find(results, open, "switchboard");
        double openFloor = floor(results, open, r -> r.latencyMillis(99));
        if (sbOpen.isPresent() && !Double.isNaN(openFloor)) {
            double added = sbOpen.get().latencyMillis(99) - openFloor;
            row(out, "Added p99 ≤ 1 ms at " + Settings.OPEN_RATE + " req/s (over the lower of direct's and nginx's)",
                    fmt2(added) + " ms (" + fmt2(sbOpen.get().latencyMillis(99)) + " vs " + fmt2(openFloor) + ")",
                    added <= 1.0 && sbOpen.get().errors() == 0);
        }
        Optional<Result> nginxStream = find(results, "stream c64", "nginx");
        Optional<Result> sbStream = find(results, "stream c64", "switchboard");
        Optional<Result> directStream = find(results, "stream c64", "direct");
        if (nginxStream.isPresent() && sbStream.isPresent() && directStream.isPresent()) {
            double share = sbStream.get().throughput() / nginxStream.get().throughput();
            row(out, "Streams/s at c64 ≥ 99 % of nginx's", fmt1(sbStream.get().throughput()) + " vs "
                    + fmt1(nginxStream.get().throughput()) + " = " + fmt1(100 * share) + " %", share >= 0.99);
            double ttft = sbStream.get().ttftMillis(50) - floor(results, "stream c64", r -> r.ttftMillis(50));
            row(out, "TTFT overhead p50 ≤ 2 ms (c64, over the lower of direct's and nginx's)", fmt2(ttft) + " ms ("
                    + fmt2(sbStream.get().ttftMillis(50)) + " vs " + fmt2(directStream.get().ttftMillis(50))
                    + " direct)", ttft <= 2.0);
        }
        ramps.stream().filter(r -> r.target().name().equals("switchboard")).findFirst().ifPresent(ramp -> {
            double perStream = ramp.heapPerStream("gateway") + ramp.heapPerStream("routing");
            row(out, ramp.requested() + " open streams, no errors", ramp.open() + " open, " + ramp.errors()
                    + " errors", ramp.errors() == 0 && ramp.open() == ramp.requested());
            row(out, "Heap per open stream ≤ 20 KB (gateway + routing together)",
                    fmt1(perStream / 1024) + " KB (gateway " + fmt1(ramp.heapPerStream("gateway") / 1024)
                            + ", routing " + fmt1(ramp.heapPerStream("routing") / 1024) + ")",
                    perStream <= 20 * 1024);
        });
        return out.toString();
    }

    /**
     * The lower of direct's and nginx's figure: both reach the same simulator, so a stall that hits one of them in its
     * window (this machine is shared) is not the simulator's latency, and must not make an overhead look negative.
     */
    private static double floor(List<Result> results, String scenario, java.util.function.ToDoubleFunction<Result> f) {
        return Stream.of("direct", "nginx")
                .map(target -> find(results, scenario, target))
                .flatMap(Optional::stream)
                .mapToDouble(f)
                .filter(value -> !Double.isNaN(value))
                .min()
                .orElse(Double.NaN);
    }

    private static void row(StringBuilder out, String target, String measured, boolean met) {
        out.append("| ")
                .append(target)
                .append(" | ")
                .append(measured)
                .append(" | ")
                .append(met ? "yes" : "**no**")
                .append(" |\n");
    }

    private static double peak(List<Result> results, String target) {
        return results.stream()
                .filter(r -> r.target().name().equals(target) && r.scenario().startsWith("non-stream c"))
                .mapToDouble(Result::throughput)
                .max()
                .orElse(Double.NaN);
    }

    private static Optional<Result> find(List<Result> rows, String target) {
        return rows.stream().filter(r -> r.target().name().equals(target)).findFirst();
    }

    static Optional<Result> find(List<Result> rows, String scenario, String target) {
        return rows.stream()
                .filter(r -> r.scenario().equals(scenario) && r.target().name().equals(target))
                .findFirst();
    }

    private static String ratio(double value, Optional<Double> base) {
        return base.filter(b -> b > 0 && !b.isNaN()).map(b -> fmt2(value / b)).orElse("–");
    }

    private static String diff(double value, Optional<Double> base) {
        return base.filter(b -> !b.isNaN()).map(b -> String.format(Locale.ROOT, "%+.2f", value - b)).orElse("–");
    }

    static String fmt0(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.0f", value);
    }

    static String fmt1(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    static String fmt2(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + "/" + parts[1] + "/" + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(line -> line.startsWith("MemTotal"))
                    .map(line -> Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0)
                            + " GB RAM")
                    .findFirst()
                    .orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    private static String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String head = new String(git.getInputStream().readAllBytes()).trim();
            Process dirty = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no")
                    .redirectErrorStream(true)
                    .start();
            boolean modified = !new String(dirty.getInputStream().readAllBytes()).isBlank();
            return "`" + head + "`" + (modified ? " (with uncommitted changes)" : "");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
