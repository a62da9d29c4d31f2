package io.switchboard.routing.support;

import io.switchboard.catalog.api.Architecture;
import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.api.DataPolicy;
import io.switchboard.catalog.api.Endpoint;
import io.switchboard.catalog.api.Model;
import io.switchboard.catalog.api.Pricing;
import io.switchboard.catalog.api.Provider;
import io.switchboard.catalog.api.WireFormat;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Small catalogs for routing tests, with providers at the base URLs given. */
public final class TestCatalog {

    public static final String MISTRAL_SMALL = "mistralai/mistral-small-2603";
    public static final String LLAMA = "meta-llama/llama-3.1-8b-instruct";

    private TestCatalog() {
    }

    public static Provider provider(String slug, String name, String baseUrl) {
        return provider(slug, name, WireFormat.OPENAI, baseUrl);
    }

    public static Provider provider(String slug, String name, WireFormat format, String baseUrl) {
        return new Provider(slug, name, format, baseUrl, slug.toUpperCase().replace('-', '_') + "_API_KEY",
                DataPolicy.NONE, false);
    }

    public static Model model(String id) {
        return new Model(id, id, id, "test model", 1_700_000_000L, 32_768,
                new Architecture("text->text", List.of("text"), List.of("text"), "Mistral", null),
                List.of("max_tokens", "temperature"), null, false);
    }

    public static Endpoint endpoint(String provider, String model, String prompt, String completion) {
        return new Endpoint(Endpoint.idOf(provider, model), model, provider, model.substring(model.indexOf('/') + 1),
                new Pricing(new BigDecimal(prompt), new BigDecimal(completion), null, null, null, null, null, null),
                32_768, null, "bf16", List.of("max_tokens", "temperature"), provider, false);
    }

    /** Request parameters an endpoint of {@link #wireFormats} takes: everything the adapters map. */
    public static final List<String> ALL_PARAMETERS = List.of("max_tokens", "temperature", "top_p", "top_k", "stop",
            "seed", "tools", "tool_choice", "parallel_tool_calls", "response_format", "structured_outputs",
            "reasoning", "include_reasoning");

    public static final String CLAUDE = "anthropic/claude-sonnet-4";
    public static final String GEMINI = "google/gemini-2.5-flash";
    public static final String GPT = "openai/gpt-4o-mini";

    /**
     * One model per wire format, each on one endpoint of the simulator: Claude at Anthropic ({@code .../anthropic/v1},
     * the adapter appends {@code /messages}), Gemini at Google AI Studio ({@code .../google-ai-studio/v1beta}) and
     * GPT-4o mini at OpenAI.
     */
    public static CatalogSnapshot wireFormats(String simulatorUrl) {
        return new CatalogSnapshot("formats-v1",
                List.of(provider("anthropic", "Anthropic", WireFormat.ANTHROPIC, simulatorUrl + "/anthropic/v1"),
                        provider("google-ai-studio", "Google AI Studio", WireFormat.GEMINI,
                                simulatorUrl + "/google-ai-studio/v1beta"),
                        provider("openai", "OpenAI", WireFormat.OPENAI, simulatorUrl + "/openai/v1")),
                List.of(model(CLAUDE), model(GEMINI), model(GPT)),
                List.of(endpoint("anthropic", CLAUDE, "claude-sonnet-4-20250514", 8192),
                        endpoint("google-ai-studio", GEMINI, "gemini-2.5-flash", 65536),
                        endpoint("openai", GPT, "gpt-4o-mini", 16384)));
    }

    private static Endpoint endpoint(String provider, String model, String upstreamModel, long maxCompletion) {
        return new Endpoint(Endpoint.idOf(provider, model), model, provider, upstreamModel,
                new Pricing(new BigDecimal("0.000003"), new BigDecimal("0.000015"), null, null,
                        new BigDecimal("0.0000003"), new BigDecimal("0.00000375"), null, null),
                200_000, maxCompletion, "unknown", ALL_PARAMETERS, provider, false);
    }

    /**
     * One model per failure scenario, each on its own providers (so one test's faults, breakers and cool-downs never
     * touch another's), every provider at {@code <simulator>/<slug>/v1}. For each model, the providers are listed
     * cheapest first: with a zero draw the first is tried first.
     */
    public static CatalogSnapshot faultLadder(String simulatorUrl, Map<String, List<String>> providersByModel) {
        List<Provider> providers = new java.util.ArrayList<>();
        List<Model> models = new java.util.ArrayList<>();
        List<Endpoint> endpoints = new java.util.ArrayList<>();
        providersByModel.forEach((model, slugs) -> {
            models.add(model(model));
            for (int i = 0; i < slugs.size(); i++) {
                String slug = slugs.get(i);
                if (providers.stream().noneMatch(p -> p.slug().equals(slug))) {
                    String name = Character.toUpperCase(slug.charAt(0)) + slug.substring(1);
                    providers.add(provider(slug, name, simulatorUrl + "/" + slug + "/v1"));
                }
                String price = "0.00000" + (i + 1);
                endpoints.add(endpoint(slug, model, price, price));
            }
        });
        return new CatalogSnapshot("faults-v1", providers, models, endpoints);
    }

    /**
     * Mistral Small on three endpoints, cheapest first: {@code broken} (nothing listens there), {@code mistral} and
     * {@code together}; Llama only on {@code together}.
     */
    public static CatalogSnapshot failoverLadder(String simulatorUrl, String deadUrl) {
        return new CatalogSnapshot("v1",
                List.of(provider("broken", "Broken", deadUrl + "/broken/v1"),
                        provider("mistral", "Mistral", simulatorUrl + "/mistral/v1"),
                        provider("together", "Together", simulatorUrl + "/together/v1")),
                List.of(model(MISTRAL_SMALL), model(LLAMA)),
                List.of(endpoint("broken", MISTRAL_SMALL, "0.0000001", "0.0000002"),
                        endpoint("mistral", MISTRAL_SMALL, "0.00000015", "0.0000006"),
                        endpoint("together", MISTRAL_SMALL, "0.0000003", "0.0000009"),
                        endpoint("together", LLAMA, "0.00000018", "0.00000018")));
    }
}
