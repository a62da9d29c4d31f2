package io.switchboard.routing.provider.openai;

import io.switchboard.catalog.api.WireFormat;
import io.switchboard.routing.chat.ChatChunk;
import io.switchboard.routing.chat.ChatCompletion;
import io.switchboard.routing.chat.ChatRequest;
import io.switchboard.routing.provider.ProviderAdapter;
import io.switchboard.routing.provider.ProviderCall;
import io.switchboard.routing.provider.ProviderErrors;
import io.switchboard.routing.provider.ProviderException;
import io.switchboard.routing.provider.ProviderHttpProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenAI chat completions (https://platform.openai.com/docs/api-reference/chat), and through configuration every
 * server compatible with it (Mistral, Groq, Together, DeepInfra, vLLM, Ollama): only the base URL and credential
 * differ. OpenRouter's chat format is OpenAI's, so the public records are the wire records here; fields the
 * provider sends that we do not model pass through untouched.
 */
@Component
public class OpenAiAdapter implements ProviderAdapter {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };
    private static final String DONE = "[DONE]";

    private final WebClient client;
    private final JsonMapper mapper;
    private final int maxErrorBodyBytes;

    public OpenAiAdapter(@Qualifier("providerWebClient") WebClient client, JsonMapper mapper,
            ProviderHttpProperties properties) {
        this.client = client;
        this.mapper = mapper;
        this.maxErrorBodyBytes = properties.maxErrorBodyBytes();
    }

    @Override
    public WireFormat wireFormat() {
        return WireFormat.OPENAI;
    }

    @Override
    public Mono<ChatCompletion> complete(ProviderCall call) {
        return request(call, false)
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToMono(ChatCompletion.class)
                        : ProviderErrors.<ChatCompletion>fromResponse(response, maxErrorBodyBytes))
                .onErrorMap(ProviderErrors::translate);
    }

    @Override
    public Flux<ChatChunk> stream(ProviderCall call) {
        return request(call, true)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchangeToFlux(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToFlux(SSE)
                        : ProviderErrors.<ServerSentEvent<String>>fromResponse(response, maxErrorBodyBytes).flux())
                .onErrorMap(ProviderErrors::translate)
                .mapNotNull(ServerSentEvent::data)
                .takeWhile(data -> !DONE.equals(data.trim()))
                .map(this::toChunk);
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
                .bodyValue(upstreamRequest(call, stream));
    }

    /** The client's request with the provider's model name, minus OpenRouter-only routing fields. */
    private ChatRequest upstreamRequest(ProviderCall call, boolean stream) {
        ChatRequest request = call.request();
        Map<String, JsonNode> extra = new LinkedHashMap<>(request.extra());
        // OpenRouter routing fields mean nothing to a provider (openrouter.ai/docs/api-reference/parameters).
        extra.keySet().removeAll(java.util.List.of("transforms", "route", "usage", "models", "provider"));
        ChatRequest.StreamOptions streamOptions = stream
                // Always ask for the usage chunk: it is what the generation is billed on.
                ? new ChatRequest.StreamOptions(true, request.streamOptions() == null
                        ? new LinkedHashMap<>()
                        : request.streamOptions().extra())
                : null;
        return new ChatRequest(call.endpoint().upstreamModel(), null, request.messages(), stream ? true : null,
                streamOptions, request.maxTokens(), request.maxCompletionTokens(), request.user(), null, extra);
    }

    private ChatChunk toChunk(String data) {
        JsonNode node = mapper.readTree(data);
        if (node.has("error") && !node.has("choices")) {
            // OpenAI-compatible servers report failures inside the stream as {"error": {...}}.
            JsonNode error = node.get("error");
            int status = error.path("code").canConvertToInt() ? error.path("code").asInt() : 502;
            throw ProviderException.ofStatus(status, error.path("message").asString("Provider stream error"), null);
        }
        return mapper.treeToValue(node, ChatChunk.class);
    }
}
