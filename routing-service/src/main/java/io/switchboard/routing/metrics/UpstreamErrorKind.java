package io.switchboard.routing.metrics;

import io.switchboard.routing.provider.ProviderException;
import io.switchboard.routing.resilience.ProviderFaults;

/** What went wrong with one provider call, as the {@code kind} tag of {@code switchboard.routing.upstream.errors}. */
enum UpstreamErrorKind {
    CONNECT("connect"), TIMEOUT("timeout"), SERVER_ERROR("5xx"), RATE_LIMITED("429"), CLIENT_ERROR(
            "4xx"), INVALID_RESPONSE("invalid_response");

    private final String tag;

    UpstreamErrorKind(String tag) {
        this.tag = tag;
    }

    String tag() {
        return tag;
    }

    static UpstreamErrorKind of(Throwable failure) {
        if (!(failure instanceof ProviderException provider)) {
            return ProviderFaults.isTimeout(failure) ? TIMEOUT : INVALID_RESPONSE;
        }
        Integer status = provider.status();
        if (status == null) {
            return ProviderFaults.isTimeout(failure) ? TIMEOUT : CONNECT;
        }
        if (provider.invalidResponse()) {
            return INVALID_RESPONSE;
        }
        if (status == 408) {
            return TIMEOUT;
        }
        if (status == 429) {
            return RATE_LIMITED;
        }
        return status >= 500 ? SERVER_ERROR : CLIENT_ERROR;
    }
}
