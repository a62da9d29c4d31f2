package io.switchboard.routing.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpHeaders;
import io.switchboard.catalog.api.WireFormat;
import io.switchboard.routing.provider.anthropic.AnthropicAdapter;
import io.switchboard.routing.usage.TokenEstimator;
import java.time.Clock;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

class AnthropicContractIT extends ProviderContractIT {

    @Override
    String format() {
        return "anthropic";
    }

    @Override
    WireFormat wireFormat() {
        return WireFormat.ANTHROPIC;
    }

    @Override
    ProviderAdapter adapter(WebClient client, JsonMapper mapper, Clock clock) {
        return new AnthropicAdapter(client, mapper, new TokenEstimator(), clock, ADAPTERS, HTTP);
    }

    @Override
    String basePath() {
        return "/v1";
    }

    @Override
    String upstreamModel() {
        return "claude-sonnet-4-20250514";
    }

    @Override
    String expectedUri(boolean stream) {
        return "/messages";
    }

    @Override
    void assertCredential(HttpHeaders headers) {
        assertThat(headers.get("x-api-key")).isEqualTo(API_KEY);
        assertThat(headers.get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(headers.get("Authorization")).isNull();
    }
}
