package io.switchboard.routing.provider;

import io.switchboard.catalog.api.Endpoint;
import io.switchboard.catalog.api.Provider;
import io.switchboard.routing.chat.ChatRequest;
import org.jspecify.annotations.Nullable;

/**
 * One call to one provider endpoint.
 *
 * @param provider the provider (base URL, wire format)
 * @param endpoint the endpoint (upstream model name, prices)
 * @param request the client's request; the adapter puts in the upstream model name
 * @param apiKey the provider credential, or null when none is configured; never logged
 */
public record ProviderCall(Provider provider, Endpoint endpoint, ChatRequest request, @Nullable String apiKey) {

    @Override
    public String toString() {
        return "ProviderCall[" + endpoint.id() + "]";
    }
}
