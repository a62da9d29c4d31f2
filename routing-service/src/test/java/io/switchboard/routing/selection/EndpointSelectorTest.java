package io.switchboard.routing.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.api.DataPolicy;
import io.switchboard.catalog.api.Endpoint;
import io.switchboard.catalog.api.Pricing;
import io.switchboard.catalog.api.Provider;
import io.switchboard.catalog.api.WireFormat;
import io.switchboard.kit.error.ApiException;
import io.switchboard.routing.chat.ChatRequest;
import io.switchboard.routing.chat.ProviderPreferences;
import io.switchboard.routing.support.TestCatalog;
import io.switchboard.routing.support.TestRequests;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * OpenRouter's provider routing (https://openrouter.ai/docs/features/provider-routing) over a catalog of one model,
 * {@value #MODEL}, on three providers at $1, $2 and $3 per million tokens (prompt plus completion), and a second model
 * on one provider.
 */
class EndpointSelectorTest {

    static final String MODEL = "acme/model";
    static final String OTHER = "acme/other";
    static final Set<WireFormat> OPENAI = Set.of(WireFormat.OPENAI);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final FakeConditions conditions = new FakeConditions();
    private double draw;
    private final EndpointSelector selector = new EndpointSelector(conditions, () -> draw);
    private final List<Provider> providers = new ArrayList<>(List.of(
            new Provider("cheap", "Cheap Inc", WireFormat.OPENAI, "http://cheap", null, DataPolicy.NONE, false),
            new Provider("middle", "Middle", WireFormat.OPENAI, "http://middle", null, new DataPolicy(false, true),
                    false),
            new Provider("dear", "Dear AI", WireFormat.OPENAI, "http://dear", null, new DataPolicy(true, true),
                    false)));
    private final List<Endpoint> endpoints = new ArrayList<>(List.of(
            endpoint("cheap", MODEL, "0.0000005", "0.0000005", "fp8", List.of("max_tokens", "temperature"), 1000L),
            endpoint("middle", MODEL, "0.000001", "0.000001", "bf16",
                    List.of("max_tokens", "temperature", "tools", "tool_choice"), null),
            endpoint("dear", MODEL, "0.0000015", "0.0000015", "bf16", List.of("max_tokens", "temperature", "tools",
                    "tool_choice", "response_format", "structured_outputs"), null),
            endpoint("middle", OTHER, "0.000001", "0.000001", "bf16", List.of("max_tokens"), null)));

    @Test
    void shouldDrawTheFirstEndpointWithWeightInverseToTheSquareOfItsPrice() {
        // Weights 1, 1/4, 1/9 of a total 49/36: the cheapest below 36/49 = 0.735, the middle up to 45/49 = 0.918.
        draw = 0.70;
        assertThat(providersOf(plan(request(MODEL)))).containsExactly("cheap", "middle", "dear");
        draw = 0.80;
        assertThat(providersOf(plan(request(MODEL)))).containsExactly("middle", "cheap", "dear");
        draw = 0.95;
        assertThat(providersOf(plan(request(MODEL)))).containsExactly("dear", "cheap", "middle");
    }

    @Test
    void shouldTryEndpointsWithARecentOutageLast() {
        conditions.degraded.add(Endpoint.idOf("middle", MODEL));
        draw = 0.99;

        // OpenRouter's example: B had outages, so A or C first, the other next, B last.
        assertThat(providersOf(plan(request(MODEL)))).containsExactly("dear", "cheap", "middle");
    }

    @Test
    void shouldTryTheOrderedProvidersFirstThenFallBackToTheOthers() {
        ChatRequest request = request(MODEL, preferences(Map.of("order", array("Dear AI", "MIDDLE"))));

        assertThat(providersOf(plan(request))).containsExactly("dear", "middle", "cheap");
    }

    @Test
    void shouldTryOnlyTheOrderedProvidersWithoutFallbacks() {
        ChatRequest request = request(MODEL,
                preferences(Map.of("order", array("dear", "nobody"), "allow_fallbacks", bool(false))));

        assertThat(providersOf(plan(request))).containsExactly("dear");
    }

    @Test
    void shouldTryOnlyTheFirstRankedEndpointWithoutFallbacksOrOrder() {
        ChatRequest request = request(MODEL, preferences(Map.of("allow_fallbacks", bool(false))));

        assertThat(providersOf(plan(request))).containsExactly("cheap");
    }

    @Test
    void shouldMatchOnlyAndIgnoreBySlugDisplayNameOrTagIgnoringCase() {
        assertThat(providersOf(plan(request(MODEL, preferences(Map.of("only", array("cheap inc", "DEAR")))))))
                .containsExactly("cheap", "dear");
        assertThat(providersOf(plan(request(MODEL, preferences(Map.of("ignore", array("Cheap", "middle/bf16")))))))
                .containsExactly("dear");
    }

    @Test
    void shouldMatchNothingForAnUnknownProviderName() {
        assertThat(providersOf(plan(request(MODEL, preferences(Map.of("ignore", array("unknown-provider")))))))
                .containsExactly("cheap", "middle", "dear");
        assertThatThrownBy(() -> plan(request(MODEL, preferences(Map.of("only", array("unknown-provider"))))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(404))
                .hasMessage("No endpoints found for acme/model that match your provider preferences.");
    }

    @Test
    void shouldKeepOnlyTheRequestedQuantizations() {
        assertThat(providersOf(plan(request(MODEL, preferences(Map.of("quantizations", array("BF16")))))))
                .containsExactly("middle", "dear");
    }

    @Test
    void shouldExcludeProvidersThatStoreOrTrainOnPromptsWhenDataCollectionIsDenied() {
        assertThat(providersOf(plan(request(MODEL, preferences(Map.of("data_collection", text("deny")))))))
                .containsExactly("cheap");
        assertThat(providersOf(plan(request(MODEL, preferences(Map.of("zdr", bool(true)))))))
                .containsExactly("cheap");
    }

    @Test
    void shouldExcludeEndpointsAboveMaxPricePerMillionTokens() {
        ChatRequest request = request(MODEL, preferences(Map.of("max_price",
                JSON.readTree("{\"prompt\": \"0.5\", \"completion\": 1}"))));

        assertThat(providersOf(plan(request))).containsExactly("cheap");
    }

    @Test
    void shouldKeepOnlyEndpointsSupportingEveryParameterWhenRequired() {
        ChatRequest request = JSON.readValue("""
                {"model": "%s", "messages": [{"role": "user", "content": "hi"}],
                 "provider": {"require_parameters": true},
                 "tools": [{"type": "function", "function": {"name": "f"}}],
                 "response_format": {"type": "json_schema", "json_schema": {"name": "s", "schema": {}}}}
                """.formatted(MODEL), ChatRequest.class);

        assertThat(providersOf(plan(request))).containsExactly("dear");
    }

    @Test
    void shouldIgnoreUnsupportedParametersUnlessRequired() {
        ChatRequest request = request(MODEL, null, Map.of("tools", JSON.readTree("[]")));

        assertThat(providersOf(plan(request))).containsExactly("cheap", "middle", "dear");
    }

    @Test
    void shouldExcludeEndpointsWhoseCompletionLimitIsBelowMaxTokens() {
        ChatRequest request = TestRequests.chat(MODEL, null, 2000, null, Map.of());

        assertThat(providersOf(plan(request))).containsExactly("middle", "dear");
    }

    @Test
    void shouldSortByMeasuredThroughputWithUnmeasuredEndpointsLast() {
        conditions.throughput.put(Endpoint.idOf("middle", MODEL), 40.0);
        conditions.throughput.put(Endpoint.idOf("dear", MODEL), 90.0);

        assertThat(providersOf(plan(request(MODEL, preferences(Map.of("sort", text("throughput")))))))
                .containsExactly("dear", "middle", "cheap");
        assertThat(providersOf(plan(request(MODEL + ":nitro")))).containsExactly("dear", "middle", "cheap");
    }

    @Test
    void shouldSortByMeasuredLatencyLowestFirst() {
        conditions.latency.put(Endpoint.idOf("cheap", MODEL), 900.0);
        conditions.latency.put(Endpoint.idOf("dear", MODEL), 200.0);
        conditions.latency.put(Endpoint.idOf("middle", MODEL), 450.0);

        assertThat(providersOf(plan(request(MODEL,
                preferences(Map.of("sort", JSON.readTree("{\"by\": \"latency\"}"))))))).containsExactly("dear",
                        "middle", "cheap");
    }

    @Test
    void shouldSortByPriceForTheFloorVariantAndReportTheModelWithoutIt() {
        draw = 0.99;

        RoutePlan plan = plan(request(MODEL + ":floor"));

        assertThat(providersOf(plan)).containsExactly("cheap", "middle", "dear");
        assertThat(plan.requestedModel()).isEqualTo(MODEL);
        assertThat(plan.candidates()).allSatisfy(c -> assertThat(c.model().id()).isEqualTo(MODEL));
    }

    @Test
    void shouldTryFallbackModelsInOrderAfterTheRequestedOne() {
        ChatRequest request = TestRequests.chat(OTHER, List.of(MODEL));

        assertThat(plan(request).candidates()).extracting(c -> c.endpoint().id())
                .containsExactly(Endpoint.idOf("middle", OTHER), Endpoint.idOf("cheap", MODEL),
                        Endpoint.idOf("middle", MODEL), Endpoint.idOf("dear", MODEL));
    }

    @Test
    void shouldSortAcrossModelsWhenThePartitionIsNone() {
        ChatRequest request = TestRequests.chat(OTHER, List.of(MODEL), null,
                preferences(Map.of("sort", JSON.readTree("{\"by\": \"price\", \"partition\": \"none\"}"))), Map.of());

        assertThat(plan(request).candidates()).extracting(c -> c.endpoint().id())
                .containsExactly(Endpoint.idOf("cheap", MODEL), Endpoint.idOf("middle", OTHER),
                        Endpoint.idOf("middle", MODEL), Endpoint.idOf("dear", MODEL));
    }

    @Test
    void shouldSkipDisabledEndpointsAndProvidersAndFormatsWithoutAnAdapter() {
        Endpoint cheap = endpoints.removeFirst();
        endpoints.add(new Endpoint(cheap.id(), cheap.model(), cheap.provider(), cheap.upstreamModel(),
                cheap.pricing(), cheap.contextLength(), null, cheap.quantization(), cheap.supportedParameters(),
                cheap.tag(), true));
        Provider dear = providers.removeLast();
        providers.add(new Provider(dear.slug(), dear.name(), WireFormat.ANTHROPIC, dear.baseUrl(), null,
                dear.dataPolicy(), false));

        assertThat(providersOf(plan(request(MODEL)))).containsExactly("middle");
    }

    @Test
    void shouldNameTheConstraintThatLeftNoEndpoint() {
        assertThatThrownBy(() -> plan(request(MODEL, preferences(Map.of("quantizations", array("int4"))))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(404))
                .hasMessage("No endpoints found for acme/model with the requested quantizations.");
    }

    @Test
    void shouldRefuseAnUnknownModelAnUnknownVariantAndMoreThanThreeFallbacks() {
        assertThatThrownBy(() -> plan(request("x/unknown"))).hasMessage("x/unknown is not a valid model ID");
        assertThatThrownBy(() -> plan(request(MODEL + ":turbo"))).hasMessage(MODEL + ":turbo is not a valid model ID");
        assertThatThrownBy(() -> plan(TestRequests.chat(null, List.of("a/1", "a/2", "a/3", "a/4"))))
                .hasMessageStartingWith("models:");
        assertThatThrownBy(() -> plan(request(null))).hasMessageStartingWith("model:");
    }

    @Test
    void shouldRefuseInvalidPreferencesNamingTheField() {
        assertThatThrownBy(() -> plan(request(MODEL, preferences(Map.of("sort", text("fastest"))))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(400))
                .hasMessageStartingWith("provider.sort:");
        assertThatThrownBy(() -> plan(request(MODEL, preferences(Map.of("data_collection", text("maybe"))))))
                .hasMessageStartingWith("provider.data_collection:");
        assertThatThrownBy(() -> plan(request(MODEL, preferences(Map.of("max_price",
                JSON.readTree("{\"prompt\": \"cheap\"}")))))).hasMessageStartingWith("provider.max_price.prompt:");
    }

    @Test
    void shouldPlanTheFailoverLadderOfTheRoutingTestsCheapestFirst() {
        EndpointSelector cheapestFirst = new EndpointSelector(EndpointConditions.NONE, () -> 0.0);
        CatalogSnapshot ladder = TestCatalog.failoverLadder("http://sim", "http://dead");

        assertThat(cheapestFirst.plan(ladder, request(TestCatalog.MISTRAL_SMALL), OPENAI).candidates())
                .extracting(c -> c.provider().slug())
                .containsExactly("broken", "mistral", "together");
    }

    private RoutePlan plan(ChatRequest request) {
        return selector.plan(new CatalogSnapshot("v1", providers,
                List.of(TestCatalog.model(MODEL), TestCatalog.model(OTHER)), endpoints), request, OPENAI);
    }

    private static List<String> providersOf(RoutePlan plan) {
        return plan.candidates().stream().map(c -> c.provider().slug()).toList();
    }

    private static ChatRequest request(@Nullable String model) {
        return request(model, null);
    }

    private static ChatRequest request(@Nullable String model, @Nullable ProviderPreferences provider) {
        return request(model, provider, Map.of());
    }

    private static ChatRequest request(@Nullable String model, @Nullable ProviderPreferences provider,
            Map<String, JsonNode> extra) {
        return TestRequests.chat(model, null, null, provider, extra);
    }

    private static ProviderPreferences preferences(Map<String, JsonNode> fields) {
        return JSON.treeToValue(JSON.valueToTree(fields), ProviderPreferences.class);
    }

    private static JsonNode array(String... values) {
        return JSON.valueToTree(List.of(values));
    }

    private static JsonNode text(String value) {
        return JsonNodeFactory.instance.stringNode(value);
    }

    private static JsonNode bool(boolean value) {
        return JsonNodeFactory.instance.booleanNode(value);
    }

    private static Endpoint endpoint(String provider, String model, String prompt, String completion,
            String quantization, List<String> parameters, @Nullable Long maxCompletionTokens) {
        return new Endpoint(Endpoint.idOf(provider, model), model, provider, model, new Pricing(new BigDecimal(prompt),
                new BigDecimal(completion), null, null, null, null, null, null), 32_768, maxCompletionTokens,
                quantization, parameters, provider + "/" + quantization, false);
    }

    private static final class FakeConditions implements EndpointConditions {

        final Set<String> degraded = new HashSet<>();
        final Map<String, Double> throughput = new HashMap<>();
        final Map<String, Double> latency = new HashMap<>();

        @Override
        public boolean isDegraded(String endpointId) {
            return degraded.contains(endpointId);
        }

        @Override
        public OptionalDouble throughput(String endpointId) {
            Double value = throughput.get(endpointId);
            return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
        }

        @Override
        public OptionalDouble latency(String endpointId) {
            Double value = latency.get(endpointId);
            return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
        }
    }
}
