package io.switchboard.routing.provider.gemini;

import io.switchboard.catalog.api.WireFormat;
import io.switchboard.kit.ids.RandomIds;
import io.switchboard.routing.chat.ChatChunk;
import io.switchboard.routing.chat.ChatCompletion;
import io.switchboard.routing.provider.AdapterProperties;
import io.switchboard.routing.provider.Capabilities;
import io.switchboard.routing.provider.ProviderAdapter;
import io.switchboard.routing.provider.ProviderCall;
import io.switchboard.routing.provider.ProviderErrors;
import io.switchboard.routing.provider.ProviderException;
import io.switchboard.routing.provider.ProviderHttpProperties;
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
 * Google's Gemini API: {@code POST <base URL>/models/<model>:generateContent}, and
 * {@code :streamGenerateContent?alt=sse} for server-sent events, with the key in {@code x-goog-api-key}
 * (https://ai.google.dev/api/generate-content). The base URL is the API version root, for example
 * {@code https://generativelanguage.googleapis.com/v1beta}.
 */
@Component
public class GeminiAdapter implements ProviderAdapter {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };
    private static final Capabilities CAPABILITIES = new Capabilities(Set.of("max_tokens", "temperature", "top_p",
            "top_k", "stop", "seed", "frequency_penalty", "presence_penalty", "tools", "tool_choice", "response_format",
            "structured_outputs", "reasoning"), false,
            Capabilities.StreamFraming.DATA_UNTIL_CLOSE);
    private static final int ID_LENGTH = 22;

    private final WebClient client;
    private final JsonMapper mapper;
    private final Clock clock;
    private final RandomIds ids;
    private final AdapterProperties properties;
    private final int maxErrorBodyBytes;

    public GeminiAdapter(@Qualifier("providerWebClient") WebClient client, JsonMapper mapper, Clock clock,
            RandomIds ids, AdapterProperties properties, ProviderHttpProperties http) {
        this.client = client;
        this.mapper = mapper;
        this.clock = clock;
        this.ids = ids;
        this.properties = properties;
        this.maxErrorBodyBytes = http.maxErrorBodyBytes();
    }

    @Override
    public WireFormat wireFormat() {
        return WireFormat.GEMINI;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Mono<ChatCompletion> complete(ProviderCall call) {
        boolean exclude = call.request().reasoningExcluded();
        return Mono.defer(() -> request(call, ":generateContent")
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToMono(String.class)
                        : ProviderErrors.<String>fromResponse(response, maxErrorBodyBytes)))
                .map(body -> {
                    GenerateContentResponse response = mapper.readValue(body, GenerateContentResponse.class);
                    String id = response.responseId() != null ? response.responseId() : newId();
                    String model = response.modelVersion() != null
                            ? response.modelVersion()
                            : call.endpoint().upstreamModel();
                    return GeminiResponses.completion(response, id, model, clock.instant().getEpochSecond(), exclude,
                            mapper);
                })
                .onErrorMap(ProviderErrors::translate);
    }

    @Override
    public Flux<ChatChunk> stream(ProviderCall call) {
        return Flux.defer(() -> {
            GeminiStream.State state = new GeminiStream.State(newId(), call.endpoint().upstreamModel(),
                    clock.instant().getEpochSecond(), call.request().reasoningExcluded(), mapper);
            return request(call, ":streamGenerateContent?alt=sse")
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .exchangeToFlux(response -> response.statusCode().is2xxSuccessful()
                            ? response.bodyToFlux(SSE)
                            : ProviderErrors.<ServerSentEvent<String>>fromResponse(response, maxErrorBodyBytes)
                                    .flux())
                    .mapNotNull(ServerSentEvent::data)
                    .map(data -> GeminiEvent.parse(data, mapper))
                    .concatMapIterable(event -> GeminiStream.translate(event, state))
                    .concatWith(Flux.defer(() -> state.finished()
                            ? Flux.fromIterable(GeminiStream.end(state))
                            : Flux.error(ProviderException.truncated("Gemini stream ended without a finish reason"))));
        }).onErrorMap(ProviderErrors::translate);
    }

    private WebClient.RequestHeadersSpec<?> request(ProviderCall call, String method) {
        return client.post()
                .uri(call.provider().baseUrl() + "/models/" + call.endpoint().upstreamModel() + method)
                .headers(headers -> {
                    if (call.apiKey() != null) {
                        headers.set("x-goog-api-key", call.apiKey());
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(GeminiRequests.of(call, properties, mapper));
    }

    private String newId() {
        return ids.next("gemini-", ID_LENGTH);
    }
}
