package io.switchboard.routing.provider.openai;

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
 * OpenAI chat completions (https://platform.openai.com/docs/api-reference/chat), and through configuration every
 * server compatible with it (Mistral, Groq, Together, DeepInfra, vLLM, Ollama): only the base URL and credential
 * differ. OpenRouter's chat format is OpenAI's, so the public records are the wire records here; fields the gateway
 * does not model pass through untouched in both directions.
 */
@Component
public class OpenAiAdapter implements ProviderAdapter {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };
    private static final Capabilities CAPABILITIES = new Capabilities(Set.of(), true,
            Capabilities.StreamFraming.DATA_WITH_DONE_SENTINEL);

    private final WebClient client;
    private final JsonMapper mapper;
    private final int maxErrorBodyBytes;
    private final int defaultMaxTokens;

    public OpenAiAdapter(@Qualifier("providerWebClient") WebClient client, JsonMapper mapper,
            ProviderHttpProperties http, AdapterProperties adapters) {
        this.client = client;
        this.mapper = mapper;
        this.maxErrorBodyBytes = http.maxErrorBodyBytes();
        this.defaultMaxTokens = adapters.defaultMaxTokens();
    }

    @Override
    public WireFormat wireFormat() {
        return WireFormat.OPENAI;
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
                        ? response.bodyToMono(ChatCompletion.class)
                        : ProviderErrors.<ChatCompletion>fromResponse(response, maxErrorBodyBytes)))
                .map(completion -> OpenAiResponses.normalise(completion, exclude))
                .onErrorMap(ProviderErrors::translate);
    }

    @Override
    public Flux<ChatChunk> stream(ProviderCall call) {
        return Flux.defer(() -> {
            OpenAiStream.State state = new OpenAiStream.State(call.request().reasoningExcluded());
            return request(call, true)
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .exchangeToFlux(response -> response.statusCode().is2xxSuccessful()
                            ? response.bodyToFlux(SSE)
                            : ProviderErrors.<ServerSentEvent<String>>fromResponse(response, maxErrorBodyBytes)
                                    .flux())
                    .mapNotNull(ServerSentEvent::data)
                    .map(data -> OpenAiEvent.parse(data, mapper))
                    .takeUntil(OpenAiEvent.Done.class::isInstance)
                    .concatMapIterable(event -> OpenAiStream.translate(event, state))
                    .concatWith(Mono.defer(() -> state.ended()
                            ? Mono.empty()
                            : Mono.error(ProviderException.truncated("Provider stream ended before [DONE]"))));
        }).onErrorMap(ProviderErrors::translate);
    }

    private WebClient.RequestHeadersSpec<?> request(ProviderCall call, boolean stream) {
        return client.post()
                .uri(call.provider().baseUrl() + "/chat/completions")
                .headers(headers -> {
                    if (call.apiKey() != null) {
                        headers.setBearerAuth(call.apiKey());
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(OpenAiRequests.upstream(call, stream, defaultMaxTokens));
    }
}
