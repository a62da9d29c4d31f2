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
 *
 * <p>
 * What every adapter guarantees about its output, whatever the provider sent:
 * <ul>
 * <li>finish reasons are normalised to {@code stop}, {@code length}, {@code tool_calls}, {@code content_filter} or
 * {@code error}, with the provider's own value in {@code native_finish_reason};</li>
 * <li>reasoning is OpenRouter's {@code reasoning} field of the message or delta, left out when the request set
 * {@code reasoning.exclude};</li>
 * <li>usage follows OpenAI's convention: prompt tokens include cached and cache-written tokens, completion tokens
 * include reasoning tokens;</li>
 * <li>in a stream, the first delta carries {@code role: assistant}, tool-call deltas are indexed and only the first
 * fragment of each call carries its id and name, and a usage chunk (empty {@code choices}) comes last when the
 * provider reported usage.</li>
 * </ul>
 */
public interface ProviderAdapter {

    WireFormat wireFormat();

    /** What this wire format carries. */
    Capabilities capabilities();

    /** A whole completion; {@code usage} as the provider reported it (null if it did not). */
    Mono<ChatCompletion> complete(ProviderCall call);

    /**
     * The provider's stream as OpenAI chunks, in order, without {@code [DONE]}. A stream the provider ends before its
     * end marker fails with a retryable {@link ProviderException}: it was cut, not finished.
     */
    Flux<ChatChunk> stream(ProviderCall call);
}
