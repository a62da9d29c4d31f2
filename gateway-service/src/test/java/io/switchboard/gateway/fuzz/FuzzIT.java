package io.switchboard.gateway.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpMethod;
import io.switchboard.gateway.support.GatewayTest;
import io.switchboard.gateway.support.KeyRecords;
import io.switchboard.kit.identity.Role;
import io.switchboard.testsupport.contract.OpenRouterContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

/**
 * Over a thousand malformed or hostile requests ({@link FuzzCases}) against a running gateway, sent with a raw
 * HTTP client (one that sends any method, path and header as given): none may get a 5xx, every one carries a
 * request id, every error is OpenRouter's error JSON for its status, and no spoofed identity reaches an upstream.
 */
class FuzzIT extends GatewayTest {

    /** The contract's error schema per status; 405 and 415 have none of their own, so the common shape applies. */
    private static final Map<Integer, String> ERROR_SCHEMAS = Map.ofEntries(Map.entry(400, "BadRequestResponse"),
            Map.entry(401, "UnauthorizedResponse"), Map.entry(402, "PaymentRequiredResponse"),
            Map.entry(403, "ForbiddenResponse"), Map.entry(404, "NotFoundResponse"),
            Map.entry(405, "BadRequestResponse"), Map.entry(409, "ConflictResponse"),
            Map.entry(413, "PayloadTooLargeResponse"), Map.entry(415, "BadRequestResponse"),
            Map.entry(429, "TooManyRequestsResponse"));

    private static final Logger log = LoggerFactory.getLogger(FuzzIT.class);

    @LocalServerPort
    int port;

    @Test
    void shouldAnswerEveryHostileRequestWithoutA5xxAndWithOpenRoutersErrorJson() {
        String tenant = newTenantId();
        String user = newKey(tenant, Role.USER, KeyRecords.rateLimits(1_000_000, null));
        String manager = newKey(tenant, Role.MANAGER, KeyRecords.rateLimits(1_000_000, null));
        topUp(tenant, 1_000_000_000_000_000L);
        List<FuzzCase> cases = new FuzzCases(user, manager, OPERATOR_KEY).all();
        Map<Integer, Integer> statuses = new ConcurrentSkipListMap<>();
        HttpClient client = HttpClient.create()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration
                        .ofSeconds(60));

        Mono<List<String>> problems = Flux.fromIterable(cases)
                // Checking reads the contract's schemas (files): off the event loops.
                .concatMap(fuzz -> send(client, fuzz).publishOn(Schedulers.boundedElastic())
                        .doOnNext(answer -> statuses.merge(answer.status(), 1, Integer::sum))
                        .map(answer -> Objects.requireNonNullElse(check(fuzz, answer), ""))
                        .filter(problem -> !problem.isEmpty())
                        .map(problem -> problem + "  <- " + fuzz))
                .collectList();

        assertThat(cases).hasSizeGreaterThanOrEqualTo(1000);
        StepVerifier.create(problems)
                .assertNext(found -> assertThat(found).as("%d of %d requests answered wrongly", found.size(),
                        cases.size()).isEmpty())
                .expectComplete()
                .verify(Duration.ofMinutes(10));
        log.info("{} hostile requests answered: {} (status: count)", cases.size(), statuses);
    }

    private static Mono<Answer> send(HttpClient client, FuzzCase fuzz) {
        return client.headers(headers -> {
            fuzz.headers().forEach(headers::set);
            if (fuzz.body() != null) {
                headers.set("Content-Length", Integer.toString(fuzz.body().length));
            }
        })
                .request(HttpMethod.valueOf(fuzz.method()))
                .uri(fuzz.path())
                .send(fuzz.body() == null ? Mono.empty() : Mono.just(Unpooled.wrappedBuffer(fuzz.body())))
                .responseSingle((response, bytes) -> bytes.asString()
                        .defaultIfEmpty("")
                        .map(body -> new Answer(response.status().code(), response.responseHeaders()
                                .get(
                                        "X-Request-Id"),
                                body)))
                .onErrorResume(failure -> Mono.just(new Answer(-1, null, failure.toString())));
    }

    private static @Nullable String check(FuzzCase fuzz, Answer answer) {
        if (answer.status() < 0) {
            return "no answer: " + answer.body();
        }
        if (answer.status() >= 500) {
            return answer.status() + " " + answer.body();
        }
        if (answer.requestId() == null) {
            return answer.status() + " without X-Request-Id";
        }
        if (answer.status() >= 400 && !fuzz.method().equals("HEAD")) {
            String schema = ERROR_SCHEMAS.get(answer.status());
            if (schema == null) {
                return "unexpected status " + answer.status() + " " + answer.body();
            }
            List<String> violations = OpenRouterContract.violations(schema, answer.body().isEmpty()
                    ? "null"
                    : answer.body());
            if (!violations.isEmpty() || !answer.body().contains("\"code\":" + answer.status())) {
                return answer.status() + " not in the contract's shape: " + violations + " " + answer.body();
            }
        }
        if (answer.status() == 200 && answer.body().contains("spoofed")) {
            // The upstream stub echoes the headers it received: a spoofed value reached it.
            return "a spoofed header reached upstream: " + answer.body();
        }
        return null;
    }

    private record Answer(int status, @Nullable String requestId, String body) {
    }
}
