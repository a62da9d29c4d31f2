package io.switchboard.simulator.fault;

/**
 * The endpoint prefix of a request path: the segments before the API version ({@code v1}, {@code v1beta}), so
 * {@code /mistral/v1/chat/completions} is {@code mistral}, {@code /eu/anthropic/v1/messages} is
 * {@code eu/anthropic}, and {@code /v1/chat/completions} is the empty prefix.
 */
public final class SimulatorPaths {

    private SimulatorPaths() {
    }

    public static String prefixOf(String path) {
        String[] segments = path.split("/");
        StringBuilder prefix = new StringBuilder();
        for (String segment : segments) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.matches("v\\d+[a-z0-9]*")) {
                return prefix.toString();
            }
            if (!prefix.isEmpty()) {
                prefix.append('/');
            }
            prefix.append(segment);
        }
        return prefix.toString();
    }

    /** A prefix as given to the admin API: without leading or trailing slashes. */
    static String normalise(String prefix) {
        String trimmed = prefix;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
