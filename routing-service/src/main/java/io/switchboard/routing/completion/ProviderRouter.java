package io.switchboard.routing.completion;

import io.switchboard.catalog.api.WireFormat;
import io.switchboard.kit.error.ApiException;
import io.switchboard.routing.chat.ChatChunk;
import io.switchboard.routing.chat.ChatCompletion;
import io.switchboard.routing.provider.ProviderAdapter;
import io.switchboard.routing.provider.ProviderCall;
import io.switchboard.routing.provider.ProviderException;
import io.switchboard.routing.selection.Candidate;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Calls the candidates of a request in order until one answers. A candidate is abandoned only for a failure that is
 * the provider's ({@link ProviderException#retryable()}) and only before it produced anything: once a first chunk has
 * been passed on, the stream belongs to that endpoint.
 */
@Component
public class ProviderRouter {

    private final Map<WireFormat, ProviderAdapter> adapters = new EnumMap<>(WireFormat.class);
    private final Environment environment;
    private final Clock clock;

    public ProviderRouter(List<ProviderAdapter> adapters, Environment environment, Clock clock) {
        adapters.forEach(adapter -> this.adapters.put(adapter.wireFormat(), adapter));
        this.environment = environment;
        this.clock = clock;
    }

    public Set<WireFormat> supportedFormats() {
        return adapters.keySet();
    }

    public Mono<ChatCompletion> complete(List<Candidate> candidates, GenerationTracker tracker) {
        return complete(candidates, 0, tracker);
    }

    private Mono<ChatCompletion> complete(List<Candidate> candidates, int index, GenerationTracker tracker) {
        Candidate candidate = candidates.get(index);
        return Mono.defer(() -> {
            tracker.attempting(candidate, clock.instant());
            return adapter(candidate).complete(call(candidate, tracker));
        }).doOnNext(completion -> tracker.served(candidate)).onErrorResume(failure -> {
            tracker.failed(candidate, failure, clock.instant());
            if (canFailOver(failure, candidates, index)) {
                return complete(candidates, index + 1, tracker);
            }
            return Mono.error(clientError(failure, candidate));
        });
    }

    public Flux<ChatChunk> stream(List<Candidate> candidates, GenerationTracker tracker) {
        return stream(candidates, 0, tracker);
    }

    private Flux<ChatChunk> stream(List<Candidate> candidates, int index, GenerationTracker tracker) {
        Candidate candidate = candidates.get(index);
        return Flux.defer(() -> {
            tracker.attempting(candidate, clock.instant());
            return adapter(candidate).stream(call(candidate, tracker));
        }).switchOnFirst((first, chunks) -> {
            if (first.hasValue()) {
                tracker.served(candidate);
                return chunks;
            }
            Throwable failure = first.isOnError()
                    ? first.getThrowable()
                    : ProviderException.ofStatus(502, "Provider returned an empty stream", null);
            tracker.failed(candidate, failure, clock.instant());
            if (canFailOver(failure, candidates, index)) {
                return stream(candidates, index + 1, tracker);
            }
            return Flux.error(clientError(failure, candidate));
        });
    }

    private ProviderAdapter adapter(Candidate candidate) {
        return adapters.get(candidate.provider().wireFormat());
    }

    private ProviderCall call(Candidate candidate, GenerationTracker tracker) {
        String credentialEnv = candidate.provider().credentialEnv();
        String apiKey = credentialEnv == null ? null : environment.getProperty(credentialEnv);
        return new ProviderCall(candidate.provider(), candidate.endpoint(), tracker.generation().request(), apiKey);
    }

    private static boolean canFailOver(Throwable failure, List<Candidate> candidates, int index) {
        return failure instanceof ProviderException provider && provider.retryable() && index + 1 < candidates.size();
    }

    /**
     * What the client gets when no endpoint served: the request's own error as the provider stated it (4xx), or a
     * 502 (429 when the last provider was rate limiting) with the last provider's error in {@code metadata}.
     */
    static ApiException clientError(Throwable failure, Candidate last) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("provider_name", last.provider().name());
        metadata.put("raw", failure.getMessage() == null ? failure.toString() : failure.getMessage());
        if (failure instanceof ProviderException provider && provider.status() != null) {
            int status = provider.status();
            if (!provider.retryable()) {
                return new ApiException(HttpStatusCode.valueOf(status), "Provider returned error", metadata);
            }
            if (status == 429) {
                return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "Provider is rate limiting; try again later",
                        metadata);
            }
        }
        return new ApiException(HttpStatus.BAD_GATEWAY, "Provider returned error", metadata);
    }
}
