package io.switchboard.kit.error;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** OpenRouter's error JSON: {@code {"error": {"code": 401, "message": "..."}}}. */
public record ErrorResponse(ErrorBody error) {

    public static ErrorResponse of(int status, String message) {
        return new ErrorResponse(new ErrorBody(status, message, null));
    }

    public static ErrorResponse of(int status, String message, @Nullable Map<String, Object> metadata) {
        return new ErrorResponse(new ErrorBody(status, message, metadata));
    }
}
