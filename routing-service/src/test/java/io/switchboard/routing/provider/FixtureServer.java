package io.switchboard.routing.provider;

import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A provider that answers every request with one canned response, written byte for byte, and keeps the request it
 * got: the contract test serves a fixture's provider response through it and compares what the adapter sent.
 */
final class FixtureServer implements AutoCloseable {

    /**
     * What the adapter sent.
     *
     * @param uri path and query
     */
    record Captured(String method, String uri, HttpHeaders headers, String body) {
    }

    /** The canned answer. */
    record Answer(int status, String contentType, Map<String, String> headers, String body) {
    }

    private final AtomicReference<@Nullable Captured> captured = new AtomicReference<>();
    private final AtomicReference<Answer> answer = new AtomicReference<>(new Answer(500, "text/plain", Map.of(), ""));
    private final DisposableServer server;

    FixtureServer() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> request.receive()
                        .aggregate()
                        .asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .flatMap(body -> {
                            captured.set(new Captured(request.method().name(), request.uri(),
                                    request.requestHeaders().copy(), body));
                            Answer canned = answer.get();
                            response.status(canned.status()).header("Content-Type", canned.contentType());
                            canned.headers().forEach(response::header);
                            return response.sendString(Mono.just(canned.body())).then();
                        }))
                .bindNow();
    }

    void answer(Answer next) {
        captured.set(null);
        answer.set(next);
    }

    @Nullable
    Captured captured() {
        return captured.get();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
