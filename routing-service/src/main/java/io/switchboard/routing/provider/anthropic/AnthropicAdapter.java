package io.switchboard.routing.provider.anthropic;

import io.switchboard.catalog.api.WireFormat;
import io.switchboard.routing.chat.ChatChunk;
import io.switchboard.routing.chat.ChatCompletion;
import io.switchboard.routing.provider.AdapterProperties;
import io.switchboard.routing.provider.Capabilities;
import io.switchboard.routing.provider.ProviderAdapter;
import io.switchboard.routing.provider.ProviderCall;
import io.switchboard.routing.provider.ProviderErrors;
import io.switchboard.routing.provider.ProviderException;
import io.switchboard.routing.provider.ProviderHttpProperties;
import io.switchboard.routing.usage.TokenEstimator;
import java.time.Clock;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anthropic's Messages API: {@code POST <base URL>/messages} with {@code x-api-key} and {@code anthropic-version}
 * headers (https://docs.anthropic.com/en/api/versioning). Errors keep Anthropic's status, so a 529
 * {@code overloaded_error} or a 429 is retried elsewhere and a 400 is the request's; an {@code error} event inside the
 * stream is judged by its type the same way.
 */
@Component
public class AnthropicAdapter implements ProviderAdapter {

    /** The API version this adapter's records follow. */
    static final String API_VERSION = "2023-06-01";
    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };
    private static final Capabilities CAPABILITIES = new Capabilities(Set.of("max_tokens", "temperature", "top_p",
            "top_k", "stop", "tools", "tool_choice", "parallel_tool_calls", "reasoning"), false,
            Capabilities.StreamFraming.NAMED_EVENTS);

    private final WebClient client;
    private final JsonMapper mapper;
    private final TokenEstimator estimator;
    private final Clock clock;
    private final AdapterProperties properties;
    private final int maxErrorBodyBytes;

    public AnthropicAdapter(@Qualifier("providerWebClient") WebClient client, JsonMapper mapper,
            TokenEstimator estimator, Clock clock, AdapterProperties properties, ProviderHttpProperties http) {
        this.client = client;
        this.mapper = mapper;
        this.estimator = estimator;
        this.clock = clock;
        this.properties = properties;
        this.maxErrorBodyBytes = http.maxErrorBodyBytes();
    }

    @Override
    public WireFormat wireFormat() {
        return WireFormat.ANTHROPIC;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Mono<ChatCompletion> complete(ProviderCall call) {
        boolean exclude = call.request().reasoningExcluded();
        return Mono.defer(() -> request(call, false)
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToMono(String.class)
                        : ProviderErrors.<String>fromResponse(response, maxErrorBodyBytes)))
                .map(body -> AnthropicResponses.completion(mapper.readValue(body, MessagesResponse.class),
                        clock.instant().getEpochSecond(), exclude, estimator, mapper))
                .onErrorMap(ProviderErrors::translate);
    }

    @Override
    public Flux<ChatChunk> stream(ProviderCall call) {
        return Flux.defer(() -> {
            AnthropicStream.State state = new AnthropicStream.State(clock.instant().getEpochSecond(),
                    call.request().reasoningExcluded(), estimator);
            return request(call, true)
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .exchangeToFlux(response -> response.statusCode().is2xxSuccessful()
                            ? response.bodyToFlux(SSE)
                            : ProviderErrors.<ServerSentEvent<String>>fromResponse(response, maxErrorBodyBytes)
                                    .flux())
                    .mapNotNull(ServerSentEvent::data)
                    .map(data -> AnthropicEvent.parse(data, mapper))
                    .concatMapIterable(event -> AnthropicStream.translate(event, state))
                    .concatWith(Mono.defer(() -> state.stopped()
                            ? Mono.empty()
                            : Mono.error(ProviderException.truncated("Anthropic stream ended before message_stop"))));
        }).onErrorMap(ProviderErrors::translate);
    }

    private WebClient.RequestHeadersSpec<?> request(ProviderCall call, boolean stream) {
        return client.post()
                .uri(call.provider().baseUrl() + "/messages")
                .headers(headers -> {
                    if (call.apiKey() != null) {
                        headers.set("x-api-key", call.apiKey());
                    }
                    headers.set("anthropic-version", API_VERSION);
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(AnthropicRequests.of(call, stream, properties, mapper));
    }
}
