package io.switchboard.kit.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenRouterErrorHandlerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final OpenRouterErrorHandler handler = new OpenRouterErrorHandler(JSON);

    @Test
    void shouldRenderAnApiExceptionWithItsStatusMetadataAndHeaders() {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.set("Retry-After", "7");
        MockServerWebExchange exchange = render(new ApiException(HttpStatus.TOO_MANY_REQUESTS, "Rate limit exceeded",
                Map.of("limit", 10), headers));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("7");
        JsonNode body = body(exchange);
        assertThat(body.at("/error/code").asInt()).isEqualTo(429);
        assertThat(body.at("/error/message").asString()).isEqualTo("Rate limit exceeded");
        assertThat(body.at("/error/metadata/limit").asInt()).isEqualTo(10);
    }

    @Test
    void shouldKeepTheCallersMistakesAs4xx() {
        assertThat(status(new ServerWebInputException("bad", null, new DecodingException("JSON decoding error"))))
                .isEqualTo(400);
        assertThat(status(new DataBufferLimitException("too big"))).isEqualTo(413);
        assertThat(status(new UnsupportedMediaTypeStatusException(MediaType.TEXT_PLAIN,
                List.of(MediaType.APPLICATION_JSON)))).isEqualTo(415);
        assertThat(status(new MethodNotAllowedException(HttpMethod.DELETE, List.of(HttpMethod.POST))))
                .isEqualTo(405);
        assertThat(status(new ResponseStatusException(HttpStatus.NOT_FOUND))).isEqualTo(404);
    }

    @Test
    void shouldAnswerAnUnexpectedFailureWithAPlain500AndNoDetails() {
        MockServerWebExchange exchange = render(new IllegalStateException("secret internals at line 42"));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        JsonNode body = body(exchange);
        assertThat(body.at("/error/message").asString()).isEqualTo("Internal Server Error");
        assertThat(body.toString()).doesNotContain("secret internals", "Exception");
    }

    private int status(Throwable failure) {
        MockServerWebExchange exchange = render(failure);
        assertThat(body(exchange).at("/error/code").asInt()).isEqualTo(exchange.getResponse().getStatusCode().value());
        return exchange.getResponse().getStatusCode().value();
    }

    private MockServerWebExchange render(Throwable failure) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/x"));
        StepVerifier.create(handler.handle(exchange, failure)).verifyComplete();
        return exchange;
    }

    private static JsonNode body(MockServerWebExchange exchange) {
        StringBuilder text = new StringBuilder();
        StepVerifier.create(exchange.getResponse().getBodyAsString()).consumeNextWith(text::append).verifyComplete();
        return JSON.readTree(text.toString());
    }
}
