package io.switchboard.routing.provider;

import java.util.Set;

/**
 * What one wire format can carry, declared by its adapter so that shared code asks the adapter instead of comparing
 * provider names.
 *
 * @param parameters the request parameters (named as in OpenRouter's {@code supported_parameters}) the format
 *        expresses; the adapter leaves out the others, as OpenRouter does for a provider that does not take them
 * @param passesUnknownParameters true when fields the gateway does not model reach the provider unchanged
 * @param streamFraming how the provider frames its stream
 */
public record Capabilities(Set<String> parameters, boolean passesUnknownParameters, StreamFraming streamFraming) {

    public Capabilities {
        parameters = Set.copyOf(parameters);
    }

    /** Whether a request parameter reaches the provider. */
    public boolean supports(String parameter) {
        return passesUnknownParameters || parameters.contains(parameter);
    }

    /** How a provider's server-sent events are framed. */
    public enum StreamFraming {
        /** {@code data: <chunk>} events ending with {@code data: [DONE]} (OpenAI). */
        DATA_WITH_DONE_SENTINEL,
        /** Named events ({@code event: message_start} ...) ending with an explicit stop event (Anthropic). */
        NAMED_EVENTS,
        /** {@code data: <response>} events; the stream simply ends after the one with a finish reason (Gemini). */
        DATA_UNTIL_CLOSE
    }
}
