package io.switchboard.bench;

import java.net.URI;
import java.util.List;

/**
 * One way to reach the provider simulator's chat completions endpoint.
 *
 * @param name short name used in the report ({@code direct}, {@code nginx}, {@code scg}, {@code switchboard})
 * @param description what the path is
 * @param url the chat completions URL
 * @param authorization the {@code Authorization} header value
 * @param proxies processes that make up this path besides the simulator (their CPU and memory are its cost)
 * @param jvms those of them whose heap is measured
 */
record Target(String name, String description, URI url, String authorization, List<String> proxies,
        List<String> jvms) {
}
