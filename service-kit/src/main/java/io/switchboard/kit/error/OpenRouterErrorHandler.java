package io.switchboard.kit.error;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders every failure as OpenRouter's error JSON with the right status. Runs before Spring Boot's default handler
 * (order -1), so no Whitelabel page or stack trace ever reaches a caller. Caller mistakes keep their 4xx status;
 * anything unexpected is logged here and answered with a plain 500.
 */
@Order(-2)
public final class OpenRouterErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(OpenRouterErrorHandler.class);

    private final JsonMapper mapper;

    public OpenRouterErrorHandler(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            // Headers (and maybe body bytes) already went out: nothing left to render, end the exchange.
            return Mono.error(failure);
        }
        ApiException error = toApiException(failure, exchange);
        response.setStatusCode(error.status());
        response.getHeaders().putAll(error.headers());
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] body = mapper.writeValueAsBytes(error.toResponse());
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    static ApiException toApiException(Throwable failure, ServerWebExchange exchange) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (hasCause(failure, DataBufferLimitException.class)) {
            return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "Request payload too large");
        }
        if (failure instanceof ServerWebInputException input) {
            return new ApiException(HttpStatus.BAD_REQUEST, inputMessage(input));
        }
        if (failure instanceof ResponseStatusException status) {
            return new ApiException(status.getStatusCode(), statusMessage(status, exchange), null,
                    status.getHeaders());
        }
        if (failure instanceof DecodingException) {
            return new ApiException(HttpStatus.BAD_REQUEST, "Request body is not valid JSON");
        }
        log.error("Unhandled failure on {} {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), failure);
        return new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error");
    }

    private static String inputMessage(ServerWebInputException input) {
        Throwable cause = input.getMostSpecificCause();
        if (cause instanceof DecodingException || input.getCause() instanceof DecodingException) {
            return "Request body is not valid JSON";
        }
        return input.getReason() != null ? input.getReason() : "Invalid request";
    }

    private static String statusMessage(ResponseStatusException status, ServerWebExchange exchange) {
        HttpStatusCode code = status.getStatusCode();
        if (code.value() == 404) {
            return "Not found: " + exchange.getRequest().getPath().value();
        }
        if (code.value() == 405) {
            return "Method " + exchange.getRequest().getMethod() + " is not allowed on "
                    + exchange.getRequest().getPath().value();
        }
        if (code.value() == 415) {
            return "Unsupported content type; send application/json";
        }
        String reason = status.getReason();
        if (reason != null && !reason.isBlank()) {
            return reason;
        }
        HttpStatus known = HttpStatus.resolve(code.value());
        return known != null ? known.getReasonPhrase() : "Error " + code.value();
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
