package io.switchboard.routing.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpHeaders;
import io.switchboard.catalog.api.WireFormat;
import io.switchboard.kit.ids.RandomIds;
import io.switchboard.routing.provider.gemini.GeminiAdapter;
import java.time.Clock;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

class GeminiContractIT extends ProviderContractIT {

    @Override
    String format() {
        return "gemini";
    }

    @Override
    WireFormat wireFormat() {
        return WireFormat.GEMINI;
    }

    @Override
    ProviderAdapter adapter(WebClient client, JsonMapper mapper, Clock clock) {
        return new GeminiAdapter(client, mapper, clock, new RandomIds(), ADAPTERS, HTTP);
    }

    @Override
    String basePath() {
        return "/v1beta";
    }

    @Override
    String upstreamModel() {
        return "gemini-2.5-flash";
    }

    @Override
    String expectedUri(boolean stream) {
        return "/models/gemini-2.5-flash" + (stream ? ":streamGenerateContent?alt=sse" : ":generateContent");
    }

    @Override
    void assertCredential(HttpHeaders headers) {
        assertThat(headers.get("x-goog-api-key")).isEqualTo(API_KEY);
        assertThat(headers.get("Authorization")).isNull();
    }
}
