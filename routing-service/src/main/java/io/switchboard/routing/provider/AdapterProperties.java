package io.switchboard.routing.provider;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the wire-format adapters build provider requests ({@code switchboard.routing.adapters.*}).
 *
 * @param passThroughFields request fields outside the chat contract that the Anthropic and Gemini adapters copy to
 *        the provider's request unchanged. Those APIs refuse unknown fields, so the adapters otherwise send only what
 *        the API defines; the local stack and tests list {@code simulator} here, so that per-request steering of the
 *        provider simulator works in every wire format. OpenAI-compatible requests pass every unknown field anyway.
 * @param defaultMaxTokens the completion limit sent to a provider that requires one (Anthropic's {@code max_tokens})
 *        when neither the request nor the endpoint's {@code max_completion_tokens} gives one
 */
@ConfigurationProperties("switchboard.routing.adapters")
public record AdapterProperties(@DefaultValue List<String> passThroughFields,
        @DefaultValue("4096") int defaultMaxTokens) {

    public AdapterProperties {
        passThroughFields = List.copyOf(passThroughFields);
    }
}
