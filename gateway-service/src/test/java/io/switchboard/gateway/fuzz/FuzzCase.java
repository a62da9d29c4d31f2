package io.switchboard.gateway.fuzz;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One hostile request.
 *
 * @param kind what it tries, for the failure report
 * @param method its method
 * @param path path and query, already encoded
 * @param headers its headers
 * @param body its body, or null for none
 */
record FuzzCase(String kind, String method, String path, Map<String, String> headers, byte @Nullable [] body) {

    @Override
    public String toString() {
        String shown = body == null
                ? "-"
                : body.length > 120
                        ? body.length + " bytes"
                        : new String(body,
                                java.nio.charset.StandardCharsets.ISO_8859_1);
        String where = path.length() > 120 ? path.substring(0, 120) + "..." : path;
        return kind + ": " + method + " " + where + " " + headers.keySet() + " " + shown;
    }
}
