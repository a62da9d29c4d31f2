package io.switchboard.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/** chart.png: grouped bar charts (Java2D, headless) of the run's ratios and overheads. */
final class Chart {

    private static final int PANEL_WIDTH = 620;
    private static final int PANEL_HEIGHT = 330;
    private static final Map<String, Color> COLORS = Map.of("direct", new Color(0x9e9e9e), "nginx",
            new Color(0x4caf50), "scg", new Color(0x2196f3), "switchboard", new Color(0xff7043), "gateway",
            new Color(0xff7043), "routing", new Color(0xffb74d), "simulator", new Color(0x9e9e9e));

    private Chart() {
    }

    /** One panel: categories on the x axis, one bar per series in each. */
    private record Panel(String title, List<String> categories, Map<String, double[]> series) {
    }

    static void write(Path file, List<Result> results, List<RampResult> ramps) throws IOException {
        Set<String> scenarios = new LinkedHashSet<>();
        results.forEach(r -> scenarios.add(r.scenario()));
        List<String> all = List.copyOf(scenarios);
        List<String> streams = all.stream().filter(s -> s.startsWith("stream")).toList();
        List<Panel> panels = new ArrayList<>();
        panels.add(panel("Throughput, × nginx (same scenario)", all, List.of("direct", "scg", "switchboard"),
                results, r -> ratio(r, results, "nginx", Result::throughput)));
        panels.add(panel("CPU per request in the proxy, × plain SCG route", all, List.of("nginx", "switchboard"),
                results, r -> ratio(r, results, "scg", Result::proxyCpuMicrosPerRequest)));
        panels.add(panel("Added p99 latency over direct (ms)", all, List.of("nginx", "scg", "switchboard"), results,
                r -> r.latencyMillis(99) - Report.find(results, r.scenario(), "direct")
                        .map(d -> d.latencyMillis(99))
                        .orElse(Double.NaN)));
        panels.add(panel("Added time to first token, p50 (ms)", streams, List.of("nginx", "scg", "switchboard"),
                results, r -> r.ttftMillis(50) - Report.find(results, r.scenario(), "direct")
                        .map(d -> d.ttftMillis(50))
                        .orElse(Double.NaN)));
        Map<String, double[]> heap = new LinkedHashMap<>();
        List<String> rampTargets = ramps.stream().map(r -> r.target().name()).toList();
        for (String jvm : List.of("simulator", "scg", "gateway", "routing")) {
            double[] values = new double[rampTargets.size()];
            for (int i = 0; i < ramps.size(); i++) {
                values[i] = ramps.get(i).target().jvms().contains(jvm)
                        ? ramps.get(i).heapPerStream(jvm) / 1024
                        : Double.NaN;
            }
            heap.put(jvm, values);
        }
        panels.add(new Panel("Live heap per open stream (KB)", rampTargets, heap));

        int columns = 2;
        int rows = (panels.size() + 1) / columns;
        BufferedImage image = new BufferedImage(PANEL_WIDTH * columns, PANEL_HEIGHT * rows,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            draw(g, panels.get(i), (i % columns) * PANEL_WIDTH, (i / columns) * PANEL_HEIGHT);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static double ratio(Result row, List<Result> results, String base, ToDoubleFunction<Result> metric) {
        return Report.find(results, row.scenario(), base)
                .map(b -> metric.applyAsDouble(row) / metric.applyAsDouble(b))
                .orElse(Double.NaN);
    }

    private static Panel panel(String title, List<String> scenarios, List<String> targets, List<Result> results,
            ToDoubleFunction<Result> metric) {
        Map<String, double[]> series = new LinkedHashMap<>();
        for (String target : targets) {
            double[] values = new double[scenarios.size()];
            for (int i = 0; i < scenarios.size(); i++) {
                values[i] = Report.find(results, scenarios.get(i), target)
                        .map(metric::applyAsDouble)
                        .orElse(Double.NaN);
            }
            series.put(target, values);
        }
        return new Panel(title, scenarios, series);
    }

    private static void draw(Graphics2D g, Panel panel, int x0, int y0) {
        int left = x0 + 50;
        int right = x0 + PANEL_WIDTH - 15;
        int top = y0 + 45;
        int bottom = y0 + PANEL_HEIGHT - 55;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(panel.title(), x0 + 15, y0 + 22);
        double max = 0;
        double min = 0;
        for (double[] values : panel.series().values()) {
            for (double value : values) {
                if (!Double.isNaN(value) && !Double.isInfinite(value)) {
                    max = Math.max(max, value);
                    min = Math.min(min, value);
                }
            }
        }
        if (max == min) {
            max = min + 1;
        }
        double span = (max - min) * 1.15;
        int zero = bottom - (int) ((0 - min) / span * (bottom - top));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        g.setColor(new Color(0xdddddd));
        for (int i = 0; i <= 4; i++) {
            double value = min + span * i / 4;
            int y = bottom - (int) ((value - min) / span * (bottom - top));
            g.drawLine(left, y, right, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(Report.fmt2(value), x0 + 5, y + 4);
            g.setColor(new Color(0xdddddd));
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawLine(left, zero, right, zero);
        int groups = panel.categories().size();
        int seriesCount = panel.series().size();
        double groupWidth = (right - left) / (double) Math.max(1, groups);
        double barWidth = groupWidth * 0.8 / Math.max(1, seriesCount);
        int s = 0;
        for (Map.Entry<String, double[]> entry : panel.series().entrySet()) {
            g.setColor(COLORS.getOrDefault(entry.getKey(), Color.MAGENTA));
            for (int c = 0; c < groups; c++) {
                double value = entry.getValue()[c];
                if (Double.isNaN(value) || Double.isInfinite(value)) {
                    continue;
                }
                int x = (int) (left + c * groupWidth + groupWidth * 0.1 + s * barWidth);
                int y = bottom - (int) ((value - min) / span * (bottom - top));
                g.fillRect(x, Math.min(y, zero), Math.max(1, (int) barWidth - 2), Math.abs(zero - y));
                g.setColor(Color.BLACK);
                g.drawString(Report.fmt2(value), x, Math.min(y, zero) - 2);
                g.setColor(COLORS.getOrDefault(entry.getKey(), Color.MAGENTA));
            }
            g.fillRect(left + s * 110, bottom + 30, 10, 10);
            g.setColor(Color.BLACK);
            g.drawString(entry.getKey(), left + s * 110 + 14, bottom + 39);
            s++;
        }
        g.setColor(Color.BLACK);
        for (int c = 0; c < groups; c++) {
            String label = panel.categories().get(c).replace("non-stream ", "ns ").replace(" req/s", "/s");
            g.drawString(label, (int) (left + c * groupWidth + 2), bottom + 16);
        }
    }
}
