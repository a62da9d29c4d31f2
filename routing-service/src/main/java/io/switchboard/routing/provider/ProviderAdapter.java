package io.switchboard.routing.provider;

import io.switchboard.catalog.api.WireFormat;
import io.switchboard.routing.chat.ChatChunk;
import io.switchboard.routing.chat.ChatCompletion;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The SPI between routing and one provider wire format. An adapter turns an OpenRouter chat request into the
 * provider's request and the provider's answer back into OpenAI-shaped records; nothing outside the adapter knows the
 * provider's format. Failures are signalled as {@link ProviderException}, which says whether another endpoint may be
 * tried. Cancelling the returned publisher must cancel the upstream HTTP exchange.
 */
public interface ProviderAdapter {

    WireFormat wireFormat();

    /** A whole completion; {@code usage} as the provider reported it (null if it did not). */
    Mono<ChatCompletion> complete(ProviderCall call);

    /** The provider's stream as OpenAI chunks, in order, without {@code [DONE]}. */
    Flux<ChatChunk> stream(ProviderCall call);
}
