package io.switchboard.catalog.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.catalog.source.CatalogLoader;
import io.switchboard.kit.error.ApiException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class ModelsQueryTest {

    @Test
    void shouldDefaultToTextOutputAndNoPaging() {
        ModelsQuery query = ModelsQuery.of(null, null, null, null, null);

        assertThat(query.outputModalities()).containsExactly("text");
        assertThat(query.supportedParameters()).isEmpty();
        assertThat(query.page()).isNull();
    }

    @Test
    void shouldTreatAllAsNoOutputFilter() {
        assertThat(ModelsQuery.of(null, "all", null, null, null).outputModalities()).isEmpty();
    }

    @Test
    void shouldSplitCommaSeparatedValues() {
        assertThat(ModelsQuery.of(" tools, response_format ,,", "text,image", null, null, null))
                .satisfies(q -> assertThat(q.supportedParameters()).containsExactlyInAnyOrder("tools",
                        "response_format"))
                .satisfies(q -> assertThat(q.outputModalities()).containsExactlyInAnyOrder("text", "image"));
    }

    @Test
    void shouldUseOpenRoutersDefaultsWhenOnlyOneOfOffsetAndLimitIsGiven() {
        assertThat(ModelsQuery.of(null, null, null, "20", null).page()).isEqualTo(new ModelsQuery.Page(20, 500));
        assertThat(ModelsQuery.of(null, null, null, null, "3").page()).isEqualTo(new ModelsQuery.Page(0, 3));
    }

    @Test
    void shouldLinkTheNextPageWithTheSameFilters() {
        ModelsQuery query = ModelsQuery.of("tools", null, null, "0", "2");

        assertThat(query.pageOf(models(5))).hasSize(2);
        assertThat(query.next(5)).isEqualTo("/api/v1/models?supported_parameters=tools&output_modalities=text"
                + "&offset=2&limit=2");
    }

    @Test
    void shouldHaveNoNextLinkOnTheLastPage() {
        ModelsQuery query = ModelsQuery.of(null, null, null, "4", "2");

        assertThat(query.pageOf(models(5))).hasSize(1);
        assertThat(query.next(5)).isNull();
        assertThat(ModelsQuery.of(null, null, null, "9", "2").pageOf(models(5))).isEmpty();
    }

    @Test
    void shouldRefuseALimitOutOfRange() {
        assertThatThrownBy(() -> ModelsQuery.of(null, null, null, null, "1001")).isInstanceOf(ApiException.class)
                .hasMessage("limit must be an integer from 1 to 1000, got '1001'")
                .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(400));
        assertThatThrownBy(() -> ModelsQuery.of(null, null, null, "-1", null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> ModelsQuery.of(null, null, null, "x", null)).isInstanceOf(ApiException.class);
    }

    @Test
    void shouldFilterByCategoryOnlyWhenAsked() {
        assertThat(ModelsQuery.of(null, null, null, null, null).category()).isNull();
        assertThat(ModelsQuery.of(null, null, " programming ", null, null).category()).isEqualTo("programming");
    }

    @Test
    void shouldRefuseACategoryOpenRouterDoesNotDefine() {
        assertThatThrownBy(() -> ModelsQuery.of(null, null, "poetry", null, null)).isInstanceOf(ApiException.class)
                .hasMessageStartingWith("category must be one of academia, finance,")
                .hasMessageEndingWith("got 'poetry'");
    }

    @Test
    void shouldKeepTheCategoryInTheNextPageLink() {
        assertThat(ModelsQuery.of(null, null, "marketing/seo", "0", "1").next(3))
                .isEqualTo("/api/v1/models?category=marketing/seo&output_modalities=text&offset=1&limit=1");
    }

    @Test
    void shouldCountWithTheOutputModalityFilterOnly() {
        ModelsQuery count = ModelsQuery.ofCount("image");

        assertThat(count.outputModalities()).containsExactly("image");
        assertThat(count.supportedParameters()).isEmpty();
        assertThat(count.category()).isNull();
        assertThat(count.page()).isNull();
    }

    private static List<PublicModel> models(int count) {
        PublicModel model = PublicModels
                .listed(new CatalogLoader().load(new ClassPathResource("catalogs/valid.yaml"), null))
                .getFirst();
        return Collections.nCopies(count, model);
    }
}
