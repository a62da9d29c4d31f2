package io.switchboard.routing.provider;

import io.netty.handler.timeout.ReadTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/** Turns what goes wrong on a provider call into {@link ProviderException}s, for every adapter alike. */
public final class ProviderErrors {

    private ProviderErrors() {
    }

    /** A non-2xx response as a failed Mono, with a bounded excerpt of the provider's error body. */
    public static <T> Mono<T> fromResponse(ClientResponse response, int maxBodyBytes) {
        int status = response.statusCode().value();
        Duration retryAfter = retryAfter(response.headers().asHttpHeaders());
        return response.bodyToMono(String.class)
                .defaultIfEmpty("")
                .onErrorReturn("")
                .map(body -> body.length() > maxBodyBytes ? body.substring(0, maxBodyBytes) : body)
                .flatMap(body -> Mono.error(ProviderException.ofStatus(status,
                        body.isBlank() ? "HTTP " + status : body, retryAfter)));
    }

    /**
     * Maps transport failures (connect errors, timeouts) and unparseable provider output to retryable
     * {@link ProviderException}s.
     */
    public static Throwable translate(Throwable failure) {
        if (failure instanceof ProviderException) {
            return failure;
        }
        if (failure instanceof JacksonException unparseable) {
            // A body or event that is not the wire format: the provider's fault, so another endpoint may serve.
            return new ProviderException(502, "Invalid response from provider: " + unparseable.getOriginalMessage(),
                    true, null, unparseable);
        }
        if (failure instanceof WebClientRequestException || failure instanceof TimeoutException
                || failure instanceof ReadTimeoutException || failure.getCause() instanceof ReadTimeoutException) {
            return ProviderException.ofTransport(failure.getClass().getSimpleName() + ": " + failure.getMessage(),
                    failure);
        }
        return ProviderException.ofTransport("Provider call failed: " + failure, failure);
    }

    static @Nullable Duration retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException httpDate) {
            return null;
        }
    }
}
