package io.switchboard.catalog.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.api.Endpoint;
import io.switchboard.catalog.api.Provider;
import io.switchboard.catalog.api.WireFormat;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class CatalogLoaderTest {

    private final CatalogLoader loader = new CatalogLoader();

    @Test
    void shouldLoadTheShippedCatalog() {
        CatalogSnapshot catalog = loader.load(new ClassPathResource("catalog/catalog.yaml"), null);

        assertThat(catalog.providers()).extracting(Provider::slug)
                .containsExactly("mistral", "deepinfra", "together",
                        "groq", "openai", "anthropic", "google-ai-studio");
        assertThat(catalog.models()).hasSize(8);
        assertThat(catalog.endpoints()).hasSize(15);
        assertThat(catalog.provider("google-ai-studio").orElseThrow().wireFormat()).isEqualTo(WireFormat.GEMINI);
        assertThat(catalog.provider("mistral").orElseThrow().baseUrl()).isEqualTo("https://api.mistral.ai/v1");
        Endpoint mistral = catalog.endpointsOf("mistralai/mistral-small-2603").getFirst();
        assertThat(mistral.id()).isEqualTo("mistral:mistralai/mistral-small-2603");
        assertThat(mistral.pricing().prompt()).isEqualTo(new BigDecimal("0.00000015"));
        assertThat(mistral.pricing().completion()).isEqualTo(new BigDecimal("0.0000006"));
        assertThat(catalog.version()).matches("[0-9a-f]{16}");
    }

    @Test
    void shouldReadOptionalFieldsAndDefaults() {
        CatalogSnapshot catalog = load("valid.yaml");

        Endpoint beta = catalog.endpoints().get(1);
        assertThat(beta.maxCompletionTokens()).isEqualTo(4096L);
        assertThat(catalog.endpoints().getFirst().maxCompletionTokens()).isNull();
        assertThat(catalog.endpoints().get(2).pricing().image()).isEqualTo(new BigDecimal("0.001"));
        assertThat(beta.pricing().image()).isNull();
        assertThat(catalog.providers()).noneMatch(Provider::disabled);
        assertThat(catalog.provider("beta").orElseThrow().dataPolicy().retainsPrompts()).isTrue();
    }

    @Test
    void shouldKeepTheFileBaseUrlsWithoutOverride() {
        assertThat(load("valid.yaml").providers()).extracting(Provider::baseUrl)
                .containsExactly("https://api.alpha.example/v1", "https://api.beta.example/v1");
    }

    @Test
    void shouldPointEveryProviderAtTheBaseUrlOverride() {
        CatalogSnapshot catalog = loader.load(new ClassPathResource("catalogs/valid.yaml"),
                "http://127.0.0.1:9000/{provider}/v1");

        assertThat(catalog.providers()).extracting(Provider::baseUrl)
                .containsExactly("http://127.0.0.1:9000/alpha/v1", "http://127.0.0.1:9000/beta/v1");
    }

    @Test
    void shouldRefuseABaseUrlOverrideWithoutPlaceholder() {
        assertThatThrownBy(() -> loader.load(new ClassPathResource("catalogs/valid.yaml"), "http://127.0.0.1:9000/v1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{provider}");
    }

    @Test
    void shouldGiveTheSameVersionToTheSameContent() {
        String version = load("valid.yaml").version();

        assertThat(load("valid.yaml").version()).isEqualTo(version);
        assertThat(load("reformatted.yaml").version()).isEqualTo(version);
    }

    @Test
    void shouldGiveANewVersionWhenAPriceChanges() {
        assertThat(load("price-changed.yaml").version()).isNotEqualTo(load("valid.yaml").version());
    }

    @Test
    void shouldGiveANewVersionWhenBaseUrlsAreOverridden() {
        CatalogSnapshot overridden = loader.load(new ClassPathResource("catalogs/valid.yaml"),
                "http://127.0.0.1:9000/{provider}/v1");

        assertThat(overridden.version()).isNotEqualTo(load("valid.yaml").version());
    }

    @Test
    void shouldRejectAnUnknownFieldWithItsPath() {
        assertThat(problems("unknown-field.yaml")).singleElement()
                .asString()
                .startsWith("unknown-field.yaml: endpoints[2].pricing.completoin: unknown field (expected one of: ")
                .contains("completion");
    }

    @Test
    void shouldRejectAnUnknownTopLevelKey() {
        assertThat(problems("unknown-top-level-key.yaml")).singleElement()
                .asString()
                .startsWith("unknown-top-level-key.yaml: model_aliases: unknown field");
    }

    @Test
    void shouldRejectAMissingRequiredField() {
        assertThat(problems("missing-field.yaml"))
                .containsExactly("missing-field.yaml: providers[1].name: is required");
    }

    @Test
    void shouldRejectMissingNumbers() {
        assertThat(problems("missing-primitive.yaml")).containsExactly(
                "missing-primitive.yaml: models[0].created: must be greater than 0",
                "missing-primitive.yaml: models[0].context_length: must be greater than 0",
                "missing-primitive.yaml: endpoints[0].context_length: must be greater than 0");
    }

    @Test
    void shouldRejectANegativePrice() {
        assertThat(problems("negative-price.yaml"))
                .containsExactly("negative-price.yaml: endpoints[1].pricing.prompt: must not be negative");
    }

    @Test
    void shouldRejectContextLengthsBelowOne() {
        assertThat(problems("non-positive-context.yaml")).containsExactly(
                "non-positive-context.yaml: models[1].context_length: must be greater than 0",
                "non-positive-context.yaml: endpoints[1].context_length: must be greater than 0");
    }

    @Test
    void shouldRejectAModelIdWithoutAuthor() {
        assertThat(problems("bad-model-id.yaml"))
                .containsExactly("bad-model-id.yaml: models[1].id: must have the form author/slug");
    }

    @Test
    void shouldRejectDuplicateIds() {
        assertThat(problems("duplicate-ids.yaml")).contains(
                "duplicate-ids.yaml: providers[1].slug: duplicate 'alpha', already used at providers[0].slug",
                "duplicate-ids.yaml: models[1].id: duplicate 'acme/small', already used at models[0].id",
                "duplicate-ids.yaml: endpoints[1].id: duplicate 'alpha:acme/small', already used at endpoints[0].id");
    }

    @Test
    void shouldRejectAnEndpointOfAnUnknownModelOrProvider() {
        assertThat(problems("unknown-references.yaml")).containsExactly(
                "unknown-references.yaml: endpoints[2].model: unknown model 'acme/huge'",
                "unknown-references.yaml: endpoints[2].provider: unknown provider 'gamma'",
                "unknown-references.yaml: endpoints[2].id: must be 'gamma:acme/huge' (<provider>:<model>)");
    }

    @Test
    void shouldRejectAnEndpointIdOtherThanProviderColonModel() {
        assertThat(problems("wrong-endpoint-id.yaml")).containsExactly(
                "wrong-endpoint-id.yaml: endpoints[1].id: must be 'beta:acme/small' (<provider>:<model>)");
    }

    @Test
    void shouldRejectBaseUrlsThatAreNotAbsoluteHttp() {
        assertThat(problems("bad-base-url.yaml")).containsExactly(
                "bad-base-url.yaml: providers[0].base_url: must be an absolute http(s) URL",
                "bad-base-url.yaml: providers[1].base_url: must be an absolute http(s) URL");
    }

    @Test
    void shouldRejectAnUnknownWireFormat() {
        assertThat(problems("bad-wire-format.yaml")).containsExactly(
                "bad-wire-format.yaml: providers[1].wire_format: invalid value 'grpc', expected one of openai, "
                        + "anthropic, gemini");
    }

    @Test
    void shouldRejectAPriceThatIsNotANumber() {
        assertThat(problems("not-a-number.yaml")).containsExactly(
                "not-a-number.yaml: endpoints[1].pricing.completion: invalid value 'cheap', expected a decimal number");
    }

    @Test
    void shouldRejectAnEndpointParameterItsModelDoesNotList() {
        assertThat(problems("unsupported-parameter.yaml")).containsExactly(
                "unsupported-parameter.yaml: endpoints[2].supported_parameters[2]: 'tools' is not in the "
                        + "supported_parameters of model acme/vision");
    }

    @Test
    void shouldRejectValuesOpenRoutersApiDoesNotDefine() {
        assertThat(problems("bad-vocabulary.yaml")).containsExactly(
                "bad-vocabulary.yaml: models[0].architecture.tokenizer: 'Acme' is not an OpenRouter tokenizer "
                        + "(expected one of: Claude, Cohere, DeepSeek, GPT, Gemini, Gemma, Grok, Llama2, Llama3, "
                        + "Llama4, Media, Mistral, Nova, Other, PaLM, Qwen, Qwen3, RWKV, Router, Yi)",
                "bad-vocabulary.yaml: models[0].supported_parameters[3]: 'temprature' is not an OpenRouter parameter "
                        + "(expected one of: " + String.join(", ", new java.util.TreeSet<>(
                                CatalogVocabulary.PARAMETERS))
                        + ")",
                "bad-vocabulary.yaml: models[0].categories[1]: 'poetry' is not an OpenRouter category (expected one "
                        + "of: academia, finance, health, legal, marketing, marketing/seo, programming, roleplay, "
                        + "science, technology, translation, trivia)",
                "bad-vocabulary.yaml: models[1].architecture.input_modalities[1]: 'smell' is not an OpenRouter input "
                        + "modality (expected one of: audio, file, image, text, video)",
                "bad-vocabulary.yaml: models[1].architecture.instruct_type: 'xml' is not an OpenRouter instruct type "
                        + "(expected one of: " + String.join(", ", new java.util.TreeSet<>(
                                CatalogVocabulary.INSTRUCT_TYPES))
                        + ")",
                "bad-vocabulary.yaml: endpoints[1].quantization: 'fp7' is not an OpenRouter quantization (expected "
                        + "one of: bf16, fp16, fp32, fp4, fp6, fp8, int4, int8, mxfp4, mxfp8, nvfp4, unknown)");
    }

    @Test
    void shouldReadCategoriesAndDefaultThemToNone() {
        CatalogSnapshot catalog = loader.load(new ClassPathResource("catalog/catalog.yaml"), null);

        assertThat(catalog.model("mistralai/mistral-small-3.1-24b-instruct").orElseThrow().categories())
                .contains("translation");
        assertThat(load("valid.yaml").models()).allSatisfy(model -> assertThat(model.categories()).isEmpty());
    }

    @Test
    void shouldLoadTheFileAsABaselineWithTheOverrideApplied() {
        CatalogFile file = loader.loadFile(new ClassPathResource("catalogs/valid.yaml"),
                "http://127.0.0.1:9000/{provider}/v1");

        assertThat(file.providers()).extracting(Provider::baseUrl)
                .containsExactly("http://127.0.0.1:9000/alpha/v1",
                        "http://127.0.0.1:9000/beta/v1");
        assertThat(file.contentVersion()).isEqualTo(loader.load(new ClassPathResource("catalogs/valid.yaml"),
                "http://127.0.0.1:9000/{provider}/v1").version());
    }

    @Test
    void shouldReportWhereTheYamlIsMalformed() {
        assertThat(problems("syntax-error.yaml")).containsExactly("syntax-error.yaml: providers[0]: line 3, column 9: "
                + "while scanning a quoted scalar; found unexpected end of stream");
    }

    @Test
    void shouldReportAMissingFile() {
        assertThat(problems("no-such-file.yaml")).singleElement()
                .asString()
                .startsWith("no-such-file.yaml: not found");
    }

    private CatalogSnapshot load(String fixture) {
        return loader.load(new ClassPathResource("catalogs/" + fixture), null);
    }

    private List<String> problems(String fixture) {
        CatalogFileException failure = catchThrowableOfType(CatalogFileException.class, () -> load(fixture));
        assertThat(failure).as("loading %s should fail", fixture).isNotNull();
        assertThat(failure.getMessage()).isEqualTo(String.join("\n", failure.problems()));
        return failure.problems();
    }
}
