package io.switchboard.kit.error;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * A failure the caller should see as OpenRouter's error JSON with this status. Thrown (or emitted as an error signal)
 * anywhere on the request path; {@link OpenRouterErrorHandler} renders it. Never carries a stack trace to the client.
 */
public class ApiException extends RuntimeException {

    private final HttpStatusCode status;
    private final @Nullable Map<String, Object> metadata;
    private final HttpHeaders headers;

    public ApiException(HttpStatusCode status, String message) {
        this(status, message, null, HttpHeaders.EMPTY);
    }

    public ApiException(HttpStatusCode status, String message, @Nullable Map<String, Object> metadata) {
        this(status, message, metadata, HttpHeaders.EMPTY);
    }

    public ApiException(HttpStatusCode status, String message, @Nullable Map<String, Object> metadata,
            HttpHeaders headers) {
        super(message, null, false, false);
        this.status = status;
        this.metadata = metadata;
        this.headers = headers;
    }

    public HttpStatusCode status() {
        return status;
    }

    public @Nullable Map<String, Object> metadata() {
        return metadata;
    }

    /** Extra response headers, for example {@code Retry-After}. */
    public HttpHeaders headers() {
        return headers;
    }

    public ErrorResponse toResponse() {
        return ErrorResponse.of(status.value(), getMessage(), metadata);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatusCode.valueOf(400), message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(HttpStatusCode.valueOf(401), message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatusCode.valueOf(404), message);
    }
}
