package io.switchboard.simulator.anthropic;

import org.springframework.http.HttpStatus;

/**
 * A refusal in Anthropic's error shape, {@code {"type": "error", "error": {"type": ..., "message": ...}}}
 * (https://docs.anthropic.com/en/api/errors).
 */
final class AnthropicException extends RuntimeException {

    private final HttpStatus status;
    private final ErrorResponse body;

    private AnthropicException(HttpStatus status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.body = new ErrorResponse("error", new Error(type, message));
    }

    static AnthropicException invalidRequest(String message) {
        return new AnthropicException(HttpStatus.BAD_REQUEST, "invalid_request_error", message);
    }

    static AnthropicException missingApiKey() {
        return new AnthropicException(HttpStatus.UNAUTHORIZED, "authentication_error",
                "x-api-key header is required");
    }

    static AnthropicException tooLarge() {
        return new AnthropicException(HttpStatus.PAYLOAD_TOO_LARGE, "request_too_large",
                "Request exceeds the maximum allowed number of bytes.");
    }

    HttpStatus status() {
        return status;
    }

    ErrorResponse body() {
        return body;
    }

    record ErrorResponse(String type, Error error) {
    }

    record Error(String type, String message) {
    }
}
