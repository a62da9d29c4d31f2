package io.switchboard.simulator.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * A refusal rendered in OpenAI's error shape
 * ({@code {"error":{"message":..,"type":..,"param":..,"code":..}}}, API reference "Error codes"). {@code param} and
 * {@code code} are always present, null when not applicable, as OpenAI sends them.
 */
final class OpenAiException extends RuntimeException {

    private final HttpStatusCode status;
    private final ErrorResponse body;

    private OpenAiException(HttpStatusCode status, String message, String type, @Nullable String param,
            @Nullable String code) {
        super(message, null, false, false);
        this.status = status;
        this.body = new ErrorResponse(new Error(message, type, param, code));
    }

    static OpenAiException invalidRequest(String message, @Nullable String param, @Nullable String code) {
        return new OpenAiException(HttpStatus.BAD_REQUEST, message, "invalid_request_error", param, code);
    }

    static OpenAiException missingApiKey() {
        return new OpenAiException(HttpStatus.UNAUTHORIZED,
                "You didn't provide an API key. You need to provide your API key in an Authorization header using "
                        + "Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
                "invalid_request_error", null, "invalid_api_key");
    }

    /**
     * A provider-side failure with this status, typed as OpenAI types them: {@code rate_limit_exceeded} for 429,
     * {@code server_error} for 5xx, {@code invalid_request_error} otherwise.
     */
    static OpenAiException ofStatus(int status, String message) {
        HttpStatusCode resolved = HttpStatusCode.valueOf(status);
        if (status == 429) {
            return new OpenAiException(resolved, message, "requests", null, "rate_limit_exceeded");
        }
        if (status >= 500) {
            return new OpenAiException(resolved, message, "server_error", null, null);
        }
        return new OpenAiException(resolved, message, "invalid_request_error", null, null);
    }

    static OpenAiException tooLarge(String message) {
        return new OpenAiException(HttpStatus.PAYLOAD_TOO_LARGE, message, "invalid_request_error", null, null);
    }

    HttpStatusCode status() {
        return status;
    }

    ErrorResponse body() {
        return body;
    }

    record ErrorResponse(Error error) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Error(String message, String type, @Nullable String param, @Nullable String code) {
    }
}
