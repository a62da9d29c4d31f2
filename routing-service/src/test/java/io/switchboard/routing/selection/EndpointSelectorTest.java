package io.switchboard.routing.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.api.Endpoint;
import io.switchboard.catalog.api.Provider;
import io.switchboard.catalog.api.WireFormat;
import io.switchboard.kit.error.ApiException;
import io.switchboard.routing.chat.ChatRequest;
import io.switchboard.routing.support.TestCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EndpointSelectorTest {

    private final EndpointSelector selector = new EndpointSelector();
    private final CatalogSnapshot catalog = TestCatalog.failoverLadder("http://sim", "http://dead");

    @Test
    void shouldOrderTheRequestedModelsEndpointsCheapestFirstThenTheFallbackModels() {
        List<Candidate> candidates = selector.candidates(catalog,
                request(TestCatalog.MISTRAL_SMALL, List.of(TestCatalog.LLAMA)), Set.of(WireFormat.OPENAI));

        assertThat(candidates).extracting(c -> c.endpoint().id())
                .containsExactly(
                        "broken:" + TestCatalog.MISTRAL_SMALL, "mistral:" + TestCatalog.MISTRAL_SMALL,
                        "together:" + TestCatalog.MISTRAL_SMALL, "together:" + TestCatalog.LLAMA);
    }

    @Test
    void shouldSkipDisabledEndpointsAndProvidersWithoutAnAdapter() {
        List<Endpoint> endpoints = new ArrayList<>(catalog.endpoints());
        Endpoint broken = endpoints.removeFirst();
        endpoints.add(new Endpoint(broken.id(), broken.model(), broken.provider(), broken.upstreamModel(),
                broken.pricing(), broken.contextLength(), null, broken.quantization(), broken.supportedParameters(),
                broken.tag(), true));
        List<Provider> providers = new ArrayList<>(catalog.providers());
        Provider together = providers.removeLast();
        providers.add(new Provider(together.slug(), together.name(), WireFormat.ANTHROPIC, together.baseUrl(),
                together.credentialEnv(), together.dataPolicy(), false));
        CatalogSnapshot edited = new CatalogSnapshot("v2", providers, catalog.models(), endpoints);

        assertThat(selector.candidates(edited, request(TestCatalog.MISTRAL_SMALL, null), Set.of(WireFormat.OPENAI)))
                .extracting(c -> c.provider().slug())
                .containsExactly("mistral");
    }

    @Test
    void shouldRefuseAnUnknownModelAndMoreThanThreeModels() {
        assertThatThrownBy(() -> selector.candidates(catalog, request("x/unknown", null), Set.of(WireFormat.OPENAI)))
                .isInstanceOf(ApiException.class)
                .hasMessage("x/unknown is not a valid model ID");
        assertThatThrownBy(() -> selector.candidates(catalog, request(null, List.of("a/1", "a/2", "a/3", "a/4")),
                Set.of(WireFormat.OPENAI))).hasMessageStartingWith("models:");
        assertThatThrownBy(() -> selector.candidates(catalog, request(null, null), Set.of(WireFormat.OPENAI)))
                .hasMessageStartingWith("model:");
    }

    private static ChatRequest request(String model, List<String> models) {
        return new ChatRequest(model, models, List.of(), null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
