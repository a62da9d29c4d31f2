package io.switchboard.catalog.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.source.CatalogLoader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class PublicModelsTest {

    @Test
    void shouldListOnlyEnabledModelsWithAnEnabledEndpointAtAnEnabledProvider() {
        assertThat(PublicModels.listed(catalog("catalogs/with-disabled.yaml"))).extracting(PublicModel::id)
                .containsExactly("acme/listed");
    }

    @Test
    void shouldQuoteTheCheapestUsableEndpoint() {
        PublicModel listed = PublicModels.listed(catalog("catalogs/with-disabled.yaml")).getFirst();

        assertThat(listed.pricing().prompt()).isEqualTo("0.000001");
        assertThat(listed.pricing().completion()).isEqualTo("0.000002");
        assertThat(listed.topProvider().contextLength()).isEqualTo(16384);
    }

    @Test
    void shouldQuoteTheCheapestEndpointAndItsLimits() {
        List<PublicModel> models = PublicModels.listed(catalog("catalogs/valid.yaml"));

        PublicModel small = models.getFirst();
        assertThat(small.pricing()).isEqualTo(new PublicPricing("0.0000001", "0.0000002", null, null, null, null,
                null, null));
        assertThat(small.topProvider()).isEqualTo(new PublicModel.TopProvider(32768, null, false));
        assertThat(models.get(1).pricing().image()).isEqualTo("0.001");
    }

    @Test
    void shouldListInCatalogOrderWithDetailsLinks() {
        assertThat(PublicModels.listed(catalog("catalog/catalog.yaml"))).extracting(m -> m.links().details())
                .first()
                .isEqualTo("/api/v1/models/mistralai/mistral-small-2603/endpoints");
    }

    @Test
    void shouldWritePricesAsPlainDecimals() {
        assertThat(PublicPricing.decimal(new BigDecimal("1.5E-7"))).isEqualTo("0.00000015");
        assertThat(PublicPricing.decimal(new BigDecimal("0.000000150"))).isEqualTo("0.00000015");
        assertThat(PublicPricing.decimal(new BigDecimal("0.00"))).isEqualTo("0");
        assertThat(PublicPricing.decimal(new BigDecimal("4"))).isEqualTo("4");
    }

    private static CatalogSnapshot catalog(String location) {
        return new CatalogLoader().load(new ClassPathResource(location), null);
    }
}
