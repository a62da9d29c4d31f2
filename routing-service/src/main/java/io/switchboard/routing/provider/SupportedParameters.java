package io.switchboard.routing.provider;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The request parameters one endpoint takes (its catalog {@code supported_parameters}). OpenRouter's rule: "If the
 * chosen model doesn't support a request parameter (such as logit_bias in non-OpenAI models, or top_k for OpenAI),
 * then the parameter is ignored" (openrouter.ai/docs/api-reference/parameters); a caller who would rather fail sets
 * {@code provider.require_parameters}, which selection honours before any adapter runs. The completion limit is never
 * dropped: it bounds what the caller pays.
 */
public final class SupportedParameters {

    private final Set<String> parameters;

    private SupportedParameters(Set<String> parameters) {
        this.parameters = parameters;
    }

    public static SupportedParameters of(ProviderCall call) {
        return new SupportedParameters(Set.copyOf(call.endpoint().supportedParameters()));
    }

    public boolean has(String parameter) {
        return parameters.contains(parameter);
    }

    /** The value when the endpoint takes the parameter, otherwise null (left out of the provider request). */
    public <T> @Nullable T keep(String parameter, @Nullable T value) {
        return value != null && parameters.contains(parameter) ? value : null;
    }
}
