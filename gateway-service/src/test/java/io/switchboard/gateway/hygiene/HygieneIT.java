package io.switchboard.gateway.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.support.GatewayTest;
import io.switchboard.gateway.support.KeyRecords;
import io.switchboard.gateway.support.TestCatalog;
import io.switchboard.kit.identity.Role;
import io.switchboard.testsupport.contract.OpenRouterContract;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;

class HygieneIT extends GatewayTest {

    private static final int LIMIT = 10 * 1024 * 1024;

    private String tenant;
    private String key;

    @BeforeEach
    void keyWithCredit() {
        tenant = newTenantId();
        key = newKey(tenant, Role.USER, KeyRecords.rateLimits(1_000_000, null));
        topUp(tenant, 1_000_000_000_000L);
    }

    @Test
    void shouldRefuseABodyOverTheLimitAnnouncedByContentLengthWith413() {
        byte[] body = new byte[LIMIT + 1];
        Arrays.fill(body, (byte) ' ');

        EntityExchangeResult<String> result = post("/api/v1/chat/completions", MediaType.APPLICATION_JSON, body);

        assertThat(result.getStatus().value()).isEqualTo(413);
        OpenRouterContract.assertConforms("PayloadTooLargeResponse", result.getResponseBody());
    }

    @Test
    void shouldRefuseAChunkedBodyOverTheLimitWith413() {
        Flux<DataBuffer> chunks = Flux.range(0, 11)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(" ".repeat(1024 * 1024)
                        .getBytes(
                                StandardCharsets.US_ASCII)));

        String body = web.post()
                .uri("/api/v1/chat/completions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        OpenRouterContract.assertConforms("PayloadTooLargeResponse", body);
    }

    @Test
    void shouldRefuseABodyThatIsNotJsonWith415() {
        String manager = newKey(tenant, Role.MANAGER, k -> k);
        for (String[] call : new String[][]{{"/api/v1/chat/completions", key}, {"/api/v1/keys", manager}}) {
            String path = call[0];
            EntityExchangeResult<String> result = post(path, call[1], MediaType.TEXT_PLAIN, "{}".getBytes(
                    StandardCharsets.UTF_8));
            assertThat(result.getStatus().value()).as(path).isEqualTo(415);
            assertGenericErrorShape(result.getResponseBody(), 415);
        }
    }

    @Test
    void shouldRefuseMalformedJsonWith400() {
        String[] malformed = {"{", "{\"model\":}", "{\"model\":\"test/cheap\"} trailing",
                "{\"model\":\"a\",\"model\":\"b\"}", "[".repeat(1000) + "]".repeat(1000), "nul"};
        for (String body : malformed) {
            EntityExchangeResult<String> result = post("/api/v1/chat/completions", MediaType.APPLICATION_JSON,
                    body.getBytes(StandardCharsets.UTF_8));
            assertThat(result.getStatus().value()).as(body).isEqualTo(400);
            OpenRouterContract.assertConforms("BadRequestResponse", result.getResponseBody());
        }
    }

    @Test
    void shouldRefuseBadUtf8With400() {
        byte[] body = {'{', '"', 'm', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        EntityExchangeResult<String> result = post("/api/v1/chat/completions", MediaType.APPLICATION_JSON, body);

        assertThat(result.getStatus().value()).isEqualTo(400);
        OpenRouterContract.assertConforms("BadRequestResponse", result.getResponseBody());
    }

    @Test
    void shouldAnswerAWrongMethodOnAProxiedRouteWith405AndAllow() {
        web.get()
                .uri("/api/v1/chat/completions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .valueEquals(HttpHeaders.ALLOW, "POST")
                .expectBody(String.class)
                .value(body -> assertGenericErrorShape(body, 405));
    }

    @Test
    void shouldPutARequestIdOfItsOwnOnEveryResponse() {
        String[] ids = new String[3];
        ids[0] = web.get()
                .uri("/api/v1/models")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst("X-Request-Id");
        ids[1] = web.get()
                .uri("/nowhere")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .header("X-Request-Id", "client-chosen")
                .exchange()
                .expectStatus()
                .isNotFound()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst("X-Request-Id");
        ids[2] = web.get()
                .uri("/api/v1/key")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst("X-Request-Id");

        assertThat(ids).allSatisfy(id -> assertThat(id).startsWith("req-")).doesNotHaveDuplicates();
    }

    @Test
    void shouldNotAnswerACorsPreflightWhileCorsIsOff() {
        web.options()
                .uri("/api/v1/chat/completions")
                .header(HttpHeaders.ORIGIN, "https://app.example.com")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void shouldNeverSendAPostTwiceWhenTheUpstreamResetsTheConnection() {
        String marker = IDS.next("m-", 12);
        // A pooled connection first, the case in which Reactor Netty would otherwise resend.
        web.get()
                .uri("/api/v1/models")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .exchange()
                .expectStatus()
                .isOk();

        String body = web.post()
                .uri("/api/v1/chat/completions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .header("X-Stub-Close", "reset")
                .header("X-Test-Marker", marker)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(chat(TestCatalog.CHEAP, 10))
                .exchange()
                .expectStatus()
                .isEqualTo(502)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        OpenRouterContract.assertConforms("BadGatewayResponse", body);
        assertThat(UPSTREAM.count("X-Test-Marker", marker)).isEqualTo(1);
    }

    /** 405 and 415 have no schema of their own in the contract; they must still have the common error shape. */
    static void assertGenericErrorShape(String body, int status) {
        OpenRouterContract.assertConforms("BadRequestResponse", body);
        assertThat(body).contains("\"code\":" + status);
    }

    private EntityExchangeResult<String> post(String path, MediaType type, byte[] body) {
        return post(path, key, type, body);
    }

    private EntityExchangeResult<String> post(String path, String caller, MediaType type, byte[] body) {
        return web.method(HttpMethod.POST)
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + caller)
                .contentType(type)
                .bodyValue(body)
                .exchange()
                .expectBody(String.class)
                .returnResult();
    }
}
