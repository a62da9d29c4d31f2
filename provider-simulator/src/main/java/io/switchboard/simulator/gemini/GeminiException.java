package io.switchboard.simulator.gemini;

import org.springframework.http.HttpStatus;

/**
 * A refusal in Google's error shape, {@code {"error": {"code": 400, "message": ..., "status": "INVALID_ARGUMENT"}}}
 * (https://ai.google.dev/gemini-api/docs/troubleshooting).
 */
final class GeminiException extends RuntimeException {

    private final HttpStatus status;
    private final ErrorResponse body;

    private GeminiException(HttpStatus status, String statusName, String message) {
        super(message, null, false, false);
        this.status = status;
        this.body = new ErrorResponse(new Error(status.value(), message, statusName));
    }

    static GeminiException invalidArgument(String message) {
        return new GeminiException(HttpStatus.BAD_REQUEST, "INVALID_ARGUMENT", message);
    }

    static GeminiException missingApiKey() {
        return new GeminiException(HttpStatus.FORBIDDEN, "PERMISSION_DENIED",
                "Method doesn't allow unregistered callers (callers without established identity). Please use API "
                        + "Key or other form of API consumer identity to call this API.");
    }

    static GeminiException tooLarge() {
        return new GeminiException(HttpStatus.PAYLOAD_TOO_LARGE, "INVALID_ARGUMENT", "Request payload size exceeds "
                + "the limit.");
    }

    HttpStatus status() {
        return status;
    }

    ErrorResponse body() {
        return body;
    }

    record ErrorResponse(Error error) {
    }

    record Error(int code, String message, String status) {
    }
}
