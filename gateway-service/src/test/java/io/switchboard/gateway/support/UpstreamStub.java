package io.switchboard.gateway.support;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for every internal service behind the gateway, over real HTTP, and records what reached it:
 *
 * <ul>
 * <li>{@code GET /internal/v1/catalog}: the {@link TestCatalog};</li>
 * <li>{@code X-Stub-Close: reset}: reads the request, then resets the connection without answering;</li>
 * <li>{@code X-Stub-Status: <code>}: answers that status with an error body (and no generation id);</li>
 * <li>{@code /api/v1/chat/completions?stream}: three server-sent events 300 ms apart;</li>
 * <li>anything else: 200 with the headers and body it received as JSON; chat completions also carry an
 * {@code X-Generation-Id}, unless {@code X-Stub-Generation: none} (routing refused without generating).</li>
 * </ul>
 */
public final class UpstreamStub implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final AtomicBoolean streamFinished = new AtomicBoolean();
    public volatile HttpHeaders lastHeaders;
    public volatile String lastPath;
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicLong generations = new AtomicLong();
    private final byte[] catalog = JSON.writeValueAsBytes(TestCatalog.SNAPSHOT);
    private final LoopResources loops = LoopResources.create("upstream-stub", 2, true);
    private final DisposableServer server;

    /**
     * One request as it reached the stub.
     *
     * @param method its method
     * @param path path and query
     * @param headers its headers
     * @param body its body
     */
    public record Received(String method, String path, HttpHeaders headers, String body) {
    }

    public UpstreamStub() {
        // Its own event loops: a gateway context closing may dispose Reactor Netty's global ones.
        server = HttpServer.create().runOn(loops).host("127.0.0.1").port(0).handle((request, response) -> {
            if (request.uri().startsWith("/internal/v1/catalog")) {
                String etag = "\"" + TestCatalog.SNAPSHOT.version() + "\"";
                if (etag.equals(request.requestHeaders().get("If-None-Match"))) {
                    return response.status(304).send();
                }
                return response.header("Content-Type", "application/json")
                        .header("ETag", etag)
                        .sendByteArray(Mono.just(catalog))
                        .then();
            }
            HttpHeaders headers = request.requestHeaders().copy();
            return request.receive().aggregate().asString().defaultIfEmpty("").flatMap(body -> {
                received.add(new Received(request.method().name(), request.uri(), headers, body));
                lastHeaders = headers;
                lastPath = request.uri();
                if ("reset".equals(headers.get("X-Stub-Close"))) {
                    // SO_LINGER 0: the close sends a TCP reset, the failure a client may take for a stale
                    // pooled connection and resend the request on.
                    response.withConnection(connection -> {
                        connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
                        connection.channel().close();
                    });
                    return Mono.<Void>empty();
                }
                String status = headers.get("X-Stub-Status");
                if (status != null) {
                    return response.status(Integer.parseInt(status))
                            .header("Content-Type", "application/json")
                            .sendString(Mono.just("{\"error\":{\"code\":" + status + ",\"message\":\"stub\"}}"))
                            .then();
                }
                boolean chat = request.uri().startsWith("/api/v1/chat/completions");
                if (chat && !"none".equals(headers.get("X-Stub-Generation"))) {
                    response.header("X-Generation-Id", "gen-stub-" + generations.incrementAndGet());
                }
                if (chat && request.uri().contains("stream")) {
                    streamFinished.set(false);
                    Flux<String> events = Flux.interval(Duration.ZERO, Duration.ofMillis(300))
                            .take(3)
                            .map(i -> "data: {\"n\":" + i + "}\n\n")
                            .doOnComplete(() -> streamFinished.set(true));
                    return response.header("Content-Type", "text/event-stream").sendString(events).then();
                }
                Map<String, String> echoed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                headers.forEach(entry -> echoed.put(entry.getKey(), entry.getValue()));
                return response.header("Content-Type", "application/json")
                        .sendString(Mono.just(JSON.writeValueAsString(Map.of("headers", echoed, "body", body))))
                        .then();
            });
        }).bindNow();
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The requests received so far that match. */
    public List<Received> received(Predicate<Received> matching) {
        return received.stream().filter(matching).toList();
    }

    /** Requests received so far that carry {@code header} with {@code value}. */
    public long count(String header, String value) {
        return received.stream().filter(r -> value.equals(r.headers().get(header))).count();
    }

    @Override
    public void close() {
        server.disposeNow();
        loops.dispose();
    }
}
