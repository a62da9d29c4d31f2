package io.switchboard.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Prometheus queries of a Grafana dashboard and the metric names they select. A metric name is an identifier of a
 * PromQL expression that is not a function or aggregation (followed by a parenthesis), a keyword, a label name (inside
 * braces or a grouping clause), a string, a duration or a dashboard variable.
 */
final class DashboardQueries {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])[A-Za-z_:][\\w:]*");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan", "atan2");

    private DashboardQueries() {
    }

    /** Every {@code expr} of every panel's targets, rows' nested panels included. */
    static List<String> expressions(Path dashboardJson) {
        try {
            JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(dashboardJson));
            List<String> expressions = new ArrayList<>();
            collect(dashboard.get("panels"), expressions);
            return expressions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode panels, List<String> expressions) {
        if (panels == null) {
            return;
        }
        for (JsonNode panel : panels) {
            JsonNode targets = panel.get("targets");
            if (targets != null) {
                targets.forEach(target -> {
                    if (target.has("expr")) {
                        expressions.add(target.get("expr").asString());
                    }
                });
            }
            collect(panel.get("panels"), expressions);
        }
    }

    /** The metric names one PromQL expression selects. */
    static Set<String> metricNames(String expression) {
        String stripped = STRING.matcher(expression).replaceAll("\"\"");
        stripped = VARIABLE.matcher(stripped).replaceAll("");
        stripped = MATCHERS.matcher(stripped).replaceAll("{}");
        stripped = RANGE.matcher(stripped).replaceAll("[]");
        stripped = GROUPING.matcher(stripped).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(stripped);
        while (identifier.find()) {
            String name = identifier.group();
            int next = identifier.end();
            while (next < stripped.length() && Character.isWhitespace(stripped.charAt(next))) {
                next++;
            }
            boolean call = next < stripped.length() && stripped.charAt(next) == '(';
            if (!call && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    /** The metric names every query of the dashboard selects. */
    static Set<String> metricNames(Path dashboardJson) {
        Set<String> names = new TreeSet<>();
        expressions(dashboardJson).forEach(expression -> names.addAll(metricNames(expression)));
        return names;
    }
}
