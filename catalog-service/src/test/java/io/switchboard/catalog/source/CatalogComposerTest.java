package io.switchboard.catalog.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.api.Endpoint;
import io.switchboard.catalog.api.PerRequestLimits;
import io.switchboard.catalog.api.Provider;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.node.ObjectNode;

class CatalogComposerTest {

    private static final String ACME = """
            {"slug":"acme","name":"Acme","wire_format":"openai","base_url":"https://llm.acme.example/v1",
             "credential_env":"ACME_API_KEY","data_policy":{"training":false,"retains_prompts":false}}""";

    private final CatalogFile file = new CatalogLoader().loadFile(new ClassPathResource("catalogs/valid.yaml"), null);

    @Test
    void shouldServeTheFileAsItIsWithoutEdits() {
        CatalogSnapshot composed = valid(CatalogComposer.compose(file, CatalogOverlay.EMPTY));

        assertThat(composed).isEqualTo(new CatalogLoader().load(new ClassPathResource("catalogs/valid.yaml"), null));
    }

    @Test
    void shouldAppendAnEntryOnlyTheEditsHave() {
        CatalogSnapshot composed = compose(Map.of(EntityRef.provider("acme"), ACME));

        assertThat(composed.providers()).extracting(Provider::slug).containsExactly("alpha", "beta", "acme");
        assertThat(composed.provider("acme").orElseThrow().credentialEnv()).isEqualTo("ACME_API_KEY");
    }

    @Test
    void shouldChangeOnlyTheFieldsAnEditSets() {
        CatalogSnapshot composed = compose(Map.of(EntityRef.endpoint("alpha:acme/small"),
                "{\"pricing\":{\"prompt\":\"0.0000005\"}}"));

        Endpoint edited = composed.endpoints().getFirst();
        assertThat(edited.pricing().prompt()).isEqualTo(new BigDecimal("0.0000005"));
        assertThat(edited.pricing().completion()).isEqualTo(new BigDecimal("0.0000002"));
        assertThat(edited.upstreamModel()).isEqualTo("small");
        assertThat(composed.version()).isNotEqualTo(valid(CatalogComposer.compose(file, CatalogOverlay.EMPTY))
                .version());
    }

    @Test
    void shouldLetAChangedFileShowThroughWhereNoEditCoversIt() {
        CatalogOverlay overlay = overlay(Map.of(EntityRef.endpoint("alpha:acme/small"),
                "{\"pricing\":{\"prompt\":\"0.0000005\"}}"));
        CatalogFile changedFile = new CatalogLoader().loadFile(new ClassPathResource("catalogs/price-changed.yaml"),
                null);

        CatalogSnapshot composed = valid(CatalogComposer.compose(changedFile, overlay));

        Endpoint edited = composed.endpoints().getFirst();
        assertThat(edited.pricing().prompt()).isEqualTo(new BigDecimal("0.0000005"));
        assertThat(composed.endpoints()).containsAll(changedFile.endpoints().subList(1, 3));
    }

    @Test
    void shouldRemoveAnOptionalFieldSetToNull() {
        CatalogSnapshot composed = compose(Map.of(EntityRef.endpoint("beta:acme/small"),
                "{\"max_completion_tokens\":null}"));

        assertThat(composed.endpoints().get(1).maxCompletionTokens()).isNull();
    }

    @Test
    void shouldKeepExactDecimalsThroughJson() {
        CatalogSnapshot composed = compose(Map.of(EntityRef.endpoint("alpha:acme/small"),
                "{\"pricing\":{\"prompt\":0.000000123456789012345678901}}"));

        assertThat(composed.endpoints().getFirst().pricing().prompt())
                .isEqualTo(new BigDecimal("0.000000123456789012345678901"));
    }

    @Test
    void shouldReportProblemsByIdWithTheFilesRules() {
        Composition composition = CatalogComposer.compose(file, overlay(Map.of(EntityRef.provider("acme"),
                ACME.replace("https://llm.acme.example/v1", "llm.acme.example"), EntityRef.endpoint("beta:acme/small"),
                "{\"pricing\":{\"prompt\":\"-1\"}}")));

        assertThat(composition).isEqualTo(new Composition.Invalid(java.util.List.of(
                "providers[acme].base_url: must be an absolute http(s) URL",
                "endpoints[beta:acme/small].pricing.prompt: must not be negative")));
    }

    @Test
    void shouldReportAnUnknownFieldWithItsPath() {
        Composition composition = CatalogComposer.compose(file, overlay(Map.of(EntityRef.endpoint("alpha:acme/small"),
                "{\"pricing\":{\"promt\":\"0.1\"}}")));

        assertThat(((Composition.Invalid) composition).problems()).singleElement()
                .asString()
                .startsWith("endpoints[alpha:acme/small].pricing.promt: unknown field (expected one of: ");
    }

    @Test
    void shouldReportAValueOfTheWrongShape() {
        Composition composition = CatalogComposer.compose(file, overlay(Map.of(EntityRef.endpoint("alpha:acme/small"),
                "{\"pricing\":\"cheap\"}")));

        assertThat(composition).isEqualTo(new Composition.Invalid(java.util.List.of(
                "endpoints[alpha:acme/small].pricing: expected a mapping of fields")));
    }

    @Test
    void shouldRefuseAnEditThatChangesAnId() {
        Composition composition = CatalogComposer.compose(file, overlay(Map.of(EntityRef.provider("alpha"),
                "{\"slug\":\"omega\"}")));

        assertThat(composition).isEqualTo(new Composition.Invalid(java.util.List.of(
                "providers[alpha].slug: must be 'alpha' (an entry's slug cannot be changed)")));
    }

    @Test
    void shouldRefuseAnEndpointOfAProviderNoEntryDefines() {
        Composition composition = CatalogComposer.compose(file, overlay(Map.of(EntityRef.endpoint("gamma:acme/small"),
                """
                        {"id":"gamma:acme/small","model":"acme/small","provider":"gamma","upstream_model":"s",
                         "pricing":{"prompt":"0","completion":"0"},"context_length":1,"quantization":"unknown",
                         "supported_parameters":[],"tag":"gamma"}""")));

        assertThat(composition).isEqualTo(new Composition.Invalid(java.util.List.of(
                "endpoints[gamma:acme/small].provider: unknown provider 'gamma'")));
    }

    @Test
    void shouldCapAModelPerRequest() {
        CatalogSnapshot composed = compose(Map.of(EntityRef.model("acme/small"),
                "{\"per_request_limits\":{\"prompt_tokens\":8000,\"completion_tokens\":1000}}"));

        assertThat(composed.model("acme/small").orElseThrow().perRequestLimits())
                .isEqualTo(new PerRequestLimits(8000, 1000));
        assertThat(composed.model("acme/vision").orElseThrow().perRequestLimits()).isNull();
    }

    @Test
    void shouldRefuseALimitBelowOne() {
        Composition composition = CatalogComposer.compose(file, overlay(Map.of(EntityRef.model("acme/small"),
                "{\"per_request_limits\":{\"prompt_tokens\":0,\"completion_tokens\":1000}}")));

        assertThat(composition).isEqualTo(new Composition.Invalid(java.util.List.of(
                "models[acme/small].per_request_limits.prompt_tokens: must be greater than 0")));
    }

    @Test
    void shouldComposeTheSameVersionWhateverOrderTheEditsComeIn() {
        String first = valid(CatalogComposer.compose(file, overlay(Map.of(EntityRef.provider("acme"), ACME,
                EntityRef.provider("zeta"), ACME.replace("acme", "zeta"))))).version();
        String second = valid(CatalogComposer.compose(file, overlay(Map.of(EntityRef.provider("zeta"),
                ACME.replace("acme", "zeta"), EntityRef.provider("acme"), ACME)))).version();

        assertThat(first).isEqualTo(second);
    }

    private CatalogSnapshot compose(Map<EntityRef, String> edits) {
        return valid(CatalogComposer.compose(file, overlay(edits)));
    }

    private static CatalogOverlay overlay(Map<EntityRef, String> edits) {
        CatalogOverlay overlay = CatalogOverlay.EMPTY;
        for (Map.Entry<EntityRef, String> edit : edits.entrySet()) {
            overlay = overlay.with(edit.getKey(), (ObjectNode) CatalogJson.MAPPER.readTree(edit.getValue()));
        }
        return overlay;
    }

    private static CatalogSnapshot valid(Composition composition) {
        assertThat(composition).isInstanceOf(Composition.Valid.class);
        return ((Composition.Valid) composition).snapshot();
    }
}
