package io.switchboard.gateway;

import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the internal services behind the gateway: answers every request with the headers it received as
 * JSON, except {@code /api/v1/chat/completions} with {@code stream} in the query, which sends three server-sent
 * events 300 ms apart.
 */
final class UpstreamStub implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final AtomicBoolean streamFinished = new AtomicBoolean();
    volatile HttpHeaders lastHeaders;
    volatile String lastPath;
    private final DisposableServer server;

    UpstreamStub() {
        server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
            lastHeaders = request.requestHeaders().copy();
            lastPath = request.uri();
            if (request.uri().contains("stream")) {
                streamFinished.set(false);
                Flux<String> events = Flux.interval(Duration.ZERO, Duration.ofMillis(300))
                        .take(3)
                        .map(i -> "data: {\"n\":" + i + "}\n\n")
                        .doOnComplete(() -> streamFinished.set(true));
                return response.header("Content-Type", "text/event-stream").sendString(events).then();
            }
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            request.requestHeaders().forEach(entry -> headers.put(entry.getKey(), entry.getValue()));
            return response.header("Content-Type", "application/json")
                    .sendString(request.receive()
                            .aggregate()
                            .asString()
                            .defaultIfEmpty("")
                            .map(body -> JSON.writeValueAsString(Map.of("headers", headers, "body", body))))
                    .then();
        }).bindNow();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
