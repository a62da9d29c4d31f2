package io.switchboard.testsupport.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One scrape of {@code /actuator/prometheus} in the Prometheus text format: its samples by name and labels, so a test
 * can assert what a dashboard query would see.
 */
public final class PrometheusScrape {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One line of the scrape: a sample of a series. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private PrometheusScrape(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    /** Scrapes {@code <managementUrl>/actuator/prometheus}. */
    public static PrometheusScrape of(URI managementUrl) {
        return of(managementUrl, Map.of());
    }

    /** Scrapes {@code <managementUrl>/actuator/prometheus} sending {@code headers}. */
    public static PrometheusScrape of(URI managementUrl, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(managementUrl.resolve("/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10))
                .GET();
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot scrape " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static PrometheusScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                samples.add(sample(trimmed));
            }
        }
        return new PrometheusScrape(samples);
    }

    public List<Sample> samples() {
        return samples;
    }

    /** Every sample name, suffixes included ({@code _total}, {@code _bucket}, {@code _count}, {@code _sum}). */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        samples.forEach(sample -> names.add(sample.name()));
        return names;
    }

    public boolean has(String name) {
        return samples.stream().anyMatch(sample -> sample.name().equals(name));
    }

    /** The sum of the samples named {@code name} whose labels include {@code labels}; 0 when there are none. */
    public double sum(String name, Map<String, String> labels) {
        return matching(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    /** The samples named {@code name} whose labels include {@code labels}. */
    public List<Sample> matching(String name, Map<String, String> labels) {
        return samples.stream()
                .filter(sample -> sample.name().equals(name)
                        && sample.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        String rest;
        if (brace >= 0 && (space < 0 || brace < space)) {
            name = line.substring(0, brace);
            int end = labels(line, brace + 1, labels);
            rest = line.substring(end + 1).strip();
        } else {
            name = line.substring(0, space);
            rest = line.substring(space + 1).strip();
        }
        String value = rest.split(" ")[0];
        return new Sample(name, labels, parseValue(value));
    }

    /** Reads {@code k="v",...} from {@code start}; returns the index of the closing brace. */
    private static int labels(String line, int start, Map<String, String> labels) {
        int i = start;
        while (line.charAt(i) != '}') {
            int equals = line.indexOf('=', i);
            String key = line.substring(i, equals).strip();
            StringBuilder value = new StringBuilder();
            int j = equals + 2; // after ="
            while (line.charAt(j) != '"') {
                char c = line.charAt(j);
                if (c == '\\') {
                    char next = line.charAt(++j);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
                j++;
            }
            labels.put(key, value.toString());
            i = j + 1;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return i;
    }

    private static double parseValue(String value) {
        return switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(value);
        };
    }
}
