package io.switchboard.gateway.hygiene;

import io.switchboard.kit.error.ApiException;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request's JSON body once, strictly: only {@code application/json} (415), at most the configured size
 * (413, refused from {@code Content-Length} before reading when it says so), well-formed UTF-8 JSON with no
 * duplicate keys, no trailing data and bounded nesting (400). Duplicate keys are refused because two parsers may
 * pick different values: the gateway must check exactly the request routing will act on.
 */
@Component
public class JsonBodies {

    private static final int MAX_MESSAGE = 200;

    private final JsonMapper mapper;
    private final int maxBytes;

    public JsonBodies(RequestProperties properties) {
        this.maxBytes = (int) properties.maxBodySize().toBytes();
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(properties.maxJsonDepth())
                        .maxDocumentLength(maxBytes)
                        .build())
                .build();
        // Exact decimals: a number too large for a double (1e400) must be refused as out of range, not read as
        // Infinity.
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    /** Whether the request carries a body at all (a length above zero, or a chunked one). */
    public static boolean hasBody(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    /** The body, read and checked; an error signal with the status to answer otherwise. Empty without a body. */
    public Mono<JsonBody> read(ServerHttpRequest request) {
        return Mono.defer(() -> {
            if (!hasBody(request)) {
                return Mono.empty();
            }
            requireJson(request.getHeaders());
            if (request.getHeaders().getContentLength() > maxBytes) {
                return Mono.error(tooLarge());
            }
            return DataBufferUtils.join(request.getBody(), maxBytes)
                    .onErrorMap(DataBufferLimitException.class, limit -> tooLarge())
                    .map(JsonBodies::drain)
                    .map(bytes -> new JsonBody(bytes, parse(bytes)));
        });
    }

    /** Parses {@code bytes} as strict JSON (400 when they are not). */
    public JsonNode parse(byte[] bytes) {
        try {
            return mapper.readTree(bytes);
        } catch (StreamConstraintsException constraint) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Request body is not acceptable JSON: "
                    + shorten(constraint.getOriginalMessage()));
        } catch (JacksonException malformed) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Request body is not valid JSON: "
                    + shorten(malformed.getOriginalMessage()), location(malformed));
        }
    }

    private static void requireJson(HttpHeaders headers) {
        MediaType type;
        try {
            type = headers.getContentType();
        } catch (InvalidMediaTypeException malformed) {
            type = null;
        }
        boolean json = type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || "application".equals(type.getType()) && type.getSubtype().endsWith("+json"));
        String charset = type == null ? null : type.getParameter("charset");
        if (!json || charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported content type; send the body as application/json (UTF-8)");
        }
    }

    private ApiException tooLarge() {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "Request payload too large: the limit is " + maxBytes
                + " bytes", Map.of("max_bytes", maxBytes));
    }

    private static byte[] drain(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static Map<String, Object> location(JacksonException failure) {
        var location = failure.getLocation();
        if (location == null) {
            return Map.of();
        }
        return Map.of("line", location.getLineNr(), "column", location.getColumnNr());
    }

    private static String shorten(String message) {
        String firstLine = message.lines().findFirst().orElse(message);
        return firstLine.length() <= MAX_MESSAGE ? firstLine : firstLine.substring(0, MAX_MESSAGE) + "...";
    }
}
