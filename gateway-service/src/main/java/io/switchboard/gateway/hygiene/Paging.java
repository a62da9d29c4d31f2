package io.switchboard.gateway.hygiene;

import io.switchboard.kit.error.ApiException;
import org.springframework.web.reactive.function.server.ServerRequest;

/** The {@code offset} query parameter of the gateway's list endpoints. */
public final class Paging {

    private Paging() {
    }

    /** {@code offset}, 0 when absent; 400 unless a non-negative integer. */
    public static long offset(ServerRequest request) {
        String value = request.queryParam("offset").orElse("0");
        try {
            long offset = value.isEmpty() ? 0 : Long.parseLong(value);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException malformed) {
            // answered below
        }
        throw ApiException.badRequest("offset: must be a non-negative integer");
    }
}
