package io.switchboard.gateway.support;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Concurrent requests over real HTTP, for the tests that count what was admitted. */
public final class Calls {

    private Calls() {
    }

    /** The statuses of {@code count} concurrent chat requests with {@code body}, spread over {@code gateways}. */
    public static Mono<List<Integer>> concurrentChats(List<String> gateways, String key, String body, int count,
            String marker) {
        List<WebClient> clients = gateways.stream().map(WebClient::create).toList();
        return Flux.range(0, count)
                .flatMap(i -> clients.get(i % clients.size())
                        .post()
                        .uri("/api/v1/chat/completions")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                        .header("X-Test-Marker", marker)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchangeToMono(response -> response.releaseBody()
                                .thenReturn(response.statusCode()
                                        .value())),
                        count)
                .collectList();
    }

    /** The statuses of {@code count} concurrent {@code GET}s of {@code path}, spread over {@code gateways}. */
    public static Mono<List<Integer>> concurrentGets(List<String> gateways, String key, String path, int count) {
        List<WebClient> clients = gateways.stream().map(WebClient::create).toList();
        return Flux.range(0, count)
                .flatMap(i -> clients.get(i % clients.size())
                        .get()
                        .uri(path)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                        .exchangeToMono(response -> response.releaseBody()
                                .thenReturn(response.statusCode()
                                        .value())),
                        count)
                .collectList();
    }
}
