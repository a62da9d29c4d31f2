package io.switchboard.routing.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpHeaders;
import io.switchboard.catalog.api.WireFormat;
import io.switchboard.routing.provider.openai.OpenAiAdapter;
import java.time.Clock;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

class OpenAiContractIT extends ProviderContractIT {

    @Override
    String format() {
        return "openai";
    }

    @Override
    WireFormat wireFormat() {
        return WireFormat.OPENAI;
    }

    @Override
    ProviderAdapter adapter(WebClient client, JsonMapper mapper, Clock clock) {
        return new OpenAiAdapter(client, mapper, HTTP, ADAPTERS);
    }

    @Override
    String basePath() {
        return "/v1";
    }

    @Override
    String upstreamModel() {
        return "gpt-4o-mini";
    }

    @Override
    String expectedUri(boolean stream) {
        return "/chat/completions";
    }

    @Override
    void assertCredential(HttpHeaders headers) {
        assertThat(headers.get("Authorization")).isEqualTo("Bearer " + API_KEY);
    }
}
