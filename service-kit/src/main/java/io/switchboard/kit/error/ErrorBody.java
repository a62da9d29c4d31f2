package io.switchboard.kit.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code error} object of OpenRouter's error JSON: {@code code} is the HTTP status, {@code metadata} carries
 * details such as the upstream provider's own error (contract: {@code *ResponseErrorData} schemas).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(int code, String message, @Nullable Map<String, Object> metadata) {
}
