package io.switchboard.gateway.support;

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
import org.jspecify.annotations.Nullable;

/**
 * The catalog of the gateway's tests. {@code test/cheap}: one endpoint at 1,000 / 2,000 nanodollars per prompt /
 * completion token, context 10,000, completions up to 1,000. {@code test/pricey}: two endpoints, the dearer at
 * 10,000 / 30,000 with context 100,000 and no completion limit. {@code test/off}: disabled.
 */
public final class TestCatalog {

    public static final String CHEAP = "test/cheap";
    public static final String PRICEY = "test/pricey";
    public static final String DISABLED = "test/off";

    public static final CatalogSnapshot SNAPSHOT = new CatalogSnapshot("test-1",
            List.of(provider("acme"), provider("beta")),
            List.of(model(CHEAP, false), model(PRICEY, false), model(DISABLED, true)),
            List.of(endpoint("acme", CHEAP, "0.000001", "0.000002", 10_000, 1_000L),
                    endpoint("acme", PRICEY, "0.000005", "0.00001", 50_000, 4_000L),
                    endpoint("beta", PRICEY, "0.00001", "0.00003", 100_000, null),
                    endpoint("acme", DISABLED, "0.000001", "0.000001", 1_000, null)));

    private TestCatalog() {
    }

    private static Provider provider(String slug) {
        return new Provider(slug, slug.toUpperCase(), WireFormat.OPENAI, "http://127.0.0.1:9/" + slug, null,
                DataPolicy.NONE, false);
    }

    private static Model model(String id, boolean disabled) {
        return new Model(id, id, id, "test model", 1_700_000_000L, 100_000,
                new Architecture("text->text", List.of("text"), List.of("text"), "GPT", null), List.of(
                        "max_tokens"),
                null, disabled);
    }

    private static Endpoint endpoint(String provider, String model, String prompt, String completion, long context,
            @Nullable Long maxCompletion) {
        return new Endpoint(Endpoint.idOf(provider, model), model, provider, model, new Pricing(new BigDecimal(
                prompt), new BigDecimal(completion), null, null, null, null, null, null), context, maxCompletion,
                "unknown", List.of("max_tokens"), provider, false);
    }
}
