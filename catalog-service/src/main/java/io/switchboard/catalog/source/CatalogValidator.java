package io.switchboard.catalog.source;

import io.switchboard.catalog.api.Architecture;
import io.switchboard.catalog.api.Endpoint;
import io.switchboard.catalog.api.Model;
import io.switchboard.catalog.api.PerRequestLimits;
import io.switchboard.catalog.api.Pricing;
import io.switchboard.catalog.api.Provider;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules a catalog must satisfy before it is served, whether it comes from the file or from the file with the
 * operator's edits. Problems name the exact path of the bad field and are all collected, so one start-up (or one
 * rejected edit) shows every mistake. A file's entries are located by position ({@code endpoints[3].pricing.prompt}),
 * an edited catalog's by id ({@code endpoints[mistral:mistralai/mistral-small].pricing.prompt}), since an operator
 * never sees positions. Values read from YAML or JSON may be null whatever the records declare, hence the explicit
 * checks.
 */
final class CatalogValidator {

    /** How a problem names the entry it is about. */
    enum Locator {
        /** {@code providers[2]}: a file's entries, which its author sees in order. */
        BY_INDEX,
        /** {@code providers[acme]}: a catalog assembled from several sources, whose positions mean nothing. */
        BY_ID;

        String at(String list, int index, @Nullable String id) {
            return list + "[" + (this == BY_ID && id != null && !id.isBlank() ? id : Integer.toString(index)) + "]";
        }
    }

    /** Provider slugs appear in endpoint ids, URLs and OpenRouter's {@code provider.order}. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    /** OpenRouter model ids are {@code author/slug}; a colon would clash with variants ({@code :free}). */
    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

    private CatalogValidator() {
    }

    /** Every problem of {@code file} as {@code <path>: <message>}, entries located by position; empty when valid. */
    static List<String> problems(CatalogFile file) {
        return problems(file, Locator.BY_INDEX);
    }

    /** Every problem of {@code catalog} as {@code <path>: <message>}; empty when it is valid. */
    static List<String> problems(CatalogFile catalog, Locator locator) {
        Problems problems = new Problems(locator);
        Map<String, Provider> providers = checkProviders(catalog.providers(), problems);
        Map<String, Model> models = checkModels(catalog.models(), problems);
        checkEndpoints(catalog.endpoints(), providers, models, problems);
        return problems.list;
    }

    private static Map<String, Provider> checkProviders(@Nullable List<Provider> providers, Problems problems) {
        Map<String, Provider> bySlug = new HashMap<>();
        Map<String, String> seen = new HashMap<>();
        if (!problems.present("providers", providers)) {
            return bySlug;
        }
        for (int i = 0; i < providers.size(); i++) {
            Provider provider = providers.get(i);
            String at = problems.at("providers", i, provider == null ? null : provider.slug());
            if (!problems.present(at, provider)) {
                continue;
            }
            if (problems.text(at + ".slug", provider.slug())) {
                if (!SLUG.matcher(provider.slug()).matches()) {
                    problems.add(at + ".slug", "must be lowercase letters and digits, separated by single hyphens");
                }
                // Known even when malformed, so that its endpoints are not reported as well.
                if (problems.unique(seen, provider.slug(), at + ".slug")) {
                    bySlug.put(provider.slug(), provider);
                }
            }
            problems.text(at + ".name", provider.name());
            problems.present(at + ".wire_format", provider.wireFormat());
            if (problems.text(at + ".base_url", provider.baseUrl())
                    && !BaseUrlOverride.isAbsoluteHttpUrl(provider.baseUrl())) {
                problems.add(at + ".base_url", "must be an absolute http(s) URL");
            }
            String credentialEnv = provider.credentialEnv();
            if (credentialEnv != null && !ENV_NAME.matcher(credentialEnv).matches()) {
                problems.add(at + ".credential_env", "must be an environment variable name (A-Z, 0-9 and _)");
            }
            problems.present(at + ".data_policy", provider.dataPolicy());
        }
        return bySlug;
    }

    private static Map<String, Model> checkModels(@Nullable List<Model> models, Problems problems) {
        Map<String, Model> byId = new HashMap<>();
        Map<String, String> seen = new HashMap<>();
        if (!problems.present("models", models)) {
            return byId;
        }
        for (int i = 0; i < models.size(); i++) {
            Model model = models.get(i);
            String at = problems.at("models", i, model == null ? null : model.id());
            if (!problems.present(at, model)) {
                continue;
            }
            if (problems.text(at + ".id", model.id())) {
                problems.modelIdForm(at + ".id", model.id());
                if (problems.unique(seen, model.id(), at + ".id")) {
                    byId.put(model.id(), model);
                }
            }
            if (problems.text(at + ".canonical_slug", model.canonicalSlug())) {
                problems.modelIdForm(at + ".canonical_slug", model.canonicalSlug());
            }
            problems.text(at + ".name", model.name());
            problems.text(at + ".description", model.description());
            problems.positive(at + ".created", model.created());
            problems.positive(at + ".context_length", model.contextLength());
            checkArchitecture(at + ".architecture", model.architecture(), problems);
            if (problems.texts(at + ".supported_parameters", model.supportedParameters(), false)) {
                problems.allOf(at + ".supported_parameters", model.supportedParameters(), CatalogVocabulary.PARAMETERS,
                        "parameter");
            }
            problems.optionalText(at + ".hugging_face_id", model.huggingFaceId());
            if (problems.texts(at + ".categories", model.categories(), false)) {
                problems.allOf(at + ".categories", model.categories(), CatalogVocabulary.CATEGORIES, "category");
            }
            PerRequestLimits limits = model.perRequestLimits();
            if (limits != null) {
                problems.positive(at + ".per_request_limits.prompt_tokens", limits.promptTokens());
                problems.positive(at + ".per_request_limits.completion_tokens", limits.completionTokens());
            }
        }
        return byId;
    }

    private static void checkArchitecture(String at, @Nullable Architecture architecture, Problems problems) {
        if (!problems.present(at, architecture)) {
            return;
        }
        problems.text(at + ".modality", architecture.modality());
        if (problems.texts(at + ".input_modalities", architecture.inputModalities(), true)) {
            problems.allOf(at + ".input_modalities", architecture.inputModalities(),
                    CatalogVocabulary.INPUT_MODALITIES, "input modality");
        }
        if (problems.texts(at + ".output_modalities", architecture.outputModalities(), true)) {
            problems.allOf(at + ".output_modalities", architecture.outputModalities(),
                    CatalogVocabulary.OUTPUT_MODALITIES, "output modality");
        }
        if (problems.text(at + ".tokenizer", architecture.tokenizer())) {
            problems.oneOf(at + ".tokenizer", architecture.tokenizer(), CatalogVocabulary.TOKENIZERS, "tokenizer");
        }
        String instructType = architecture.instructType();
        if (instructType != null && !instructType.isBlank()) {
            problems.oneOf(at + ".instruct_type", instructType, CatalogVocabulary.INSTRUCT_TYPES, "instruct type");
        } else {
            problems.optionalText(at + ".instruct_type", instructType);
        }
    }

    private static void checkEndpoints(@Nullable List<Endpoint> endpoints, Map<String, Provider> providers,
            Map<String, Model> models, Problems problems) {
        Map<String, String> seen = new HashMap<>();
        if (!problems.present("endpoints", endpoints)) {
            return;
        }
        for (int i = 0; i < endpoints.size(); i++) {
            Endpoint endpoint = endpoints.get(i);
            String at = problems.at("endpoints", i, endpoint == null ? null : endpoint.id());
            if (!problems.present(at, endpoint)) {
                continue;
            }
            boolean hasId = problems.text(at + ".id", endpoint.id())
                    && problems.unique(seen, endpoint.id(), at + ".id");
            boolean hasModel = problems.text(at + ".model", endpoint.model());
            if (hasModel && !models.containsKey(endpoint.model())) {
                problems.add(at + ".model", "unknown model '" + endpoint.model() + "'");
            }
            boolean hasProvider = problems.text(at + ".provider", endpoint.provider());
            if (hasProvider && !providers.containsKey(endpoint.provider())) {
                problems.add(at + ".provider", "unknown provider '" + endpoint.provider() + "'");
            }
            if (hasId && hasModel && hasProvider) {
                String expected = Endpoint.idOf(endpoint.provider(), endpoint.model());
                if (!endpoint.id().equals(expected)) {
                    problems.add(at + ".id", "must be '" + expected + "' (<provider>:<model>)");
                }
            }
            problems.text(at + ".upstream_model", endpoint.upstreamModel());
            checkPricing(at + ".pricing", endpoint.pricing(), problems);
            problems.positive(at + ".context_length", endpoint.contextLength());
            Long maxCompletionTokens = endpoint.maxCompletionTokens();
            if (maxCompletionTokens != null) {
                problems.positive(at + ".max_completion_tokens", maxCompletionTokens);
            }
            if (problems.text(at + ".quantization", endpoint.quantization())) {
                problems.oneOf(at + ".quantization", endpoint.quantization(), CatalogVocabulary.QUANTIZATIONS,
                        "quantization");
            }
            if (problems.texts(at + ".supported_parameters", endpoint.supportedParameters(), false)
                    && problems.allOf(at + ".supported_parameters", endpoint.supportedParameters(),
                            CatalogVocabulary.PARAMETERS, "parameter")
                    && hasModel) {
                checkParametersOfModel(at + ".supported_parameters", endpoint.supportedParameters(),
                        models.get(endpoint.model()), problems);
            }
            problems.text(at + ".tag", endpoint.tag());
        }
    }

    private static void checkPricing(String at, @Nullable Pricing pricing, Problems problems) {
        if (!problems.present(at, pricing)) {
            return;
        }
        problems.price(at + ".prompt", pricing.prompt(), true);
        problems.price(at + ".completion", pricing.completion(), true);
        problems.price(at + ".request", pricing.request(), false);
        problems.price(at + ".image", pricing.image(), false);
        problems.price(at + ".input_cache_read", pricing.inputCacheRead(), false);
        problems.price(at + ".input_cache_write", pricing.inputCacheWrite(), false);
        problems.price(at + ".internal_reasoning", pricing.internalReasoning(), false);
        problems.price(at + ".web_search", pricing.webSearch(), false);
    }

    /** A model lists the parameters some endpoint supports, so an endpoint cannot support one its model lacks. */
    private static void checkParametersOfModel(String at, List<String> parameters, @Nullable Model model,
            Problems problems) {
        if (model == null || model.supportedParameters() == null) {
            return;
        }
        for (int j = 0; j < parameters.size(); j++) {
            if (!model.supportedParameters().contains(parameters.get(j))) {
                problems.add(at + "[" + j + "]",
                        "'" + parameters.get(j) + "' is not in the supported_parameters of model " + model.id());
            }
        }
    }

    private static final class Problems {

        private final List<String> list = new ArrayList<>();
        private final Locator locator;

        Problems(Locator locator) {
            this.locator = locator;
        }

        String at(String list, int index, @Nullable String id) {
            return locator.at(list, index, id);
        }

        void add(String path, String message) {
            list.add(path + ": " + message);
        }

        boolean present(String path, @Nullable Object value) {
            if (value == null) {
                add(path, "is required");
                return false;
            }
            return true;
        }

        boolean text(String path, @Nullable String value) {
            if (!present(path, value)) {
                return false;
            }
            if (value.isBlank()) {
                add(path, "must not be blank");
                return false;
            }
            return true;
        }

        void optionalText(String path, @Nullable String value) {
            if (value != null && value.isBlank()) {
                add(path, "must not be blank when given");
            }
        }

        void modelIdForm(String path, String value) {
            if (!MODEL_ID.matcher(value).matches()) {
                add(path, "must have the form author/slug");
            }
        }

        boolean texts(String path, @Nullable List<String> values, boolean nonEmpty) {
            if (!present(path, values)) {
                return false;
            }
            if (nonEmpty && values.isEmpty()) {
                add(path, "must not be empty");
                return false;
            }
            boolean valid = true;
            for (int i = 0; i < values.size(); i++) {
                valid &= text(path + "[" + i + "]", values.get(i));
            }
            return valid;
        }

        /** Whether {@code value} is one of OpenRouter's {@code what}s; a problem listing them if not. */
        boolean oneOf(String path, String value, Set<String> allowed, String what) {
            if (allowed.contains(value)) {
                return true;
            }
            add(path, "'" + value + "' is not an OpenRouter " + what + " (expected one of: "
                    + String.join(", ", new TreeSet<>(allowed)) + ")");
            return false;
        }

        /** Whether every one of the (present, non-blank) {@code values} is one of OpenRouter's {@code what}s. */
        boolean allOf(String path, List<String> values, Set<String> allowed, String what) {
            boolean valid = true;
            for (int i = 0; i < values.size(); i++) {
                valid &= oneOf(path + "[" + i + "]", values.get(i), allowed, what);
            }
            return valid;
        }

        void positive(String path, long value) {
            if (value <= 0) {
                add(path, "must be greater than 0");
            }
        }

        void price(String path, @Nullable BigDecimal value, boolean required) {
            if (required && !present(path, value)) {
                return;
            }
            if (value != null && value.signum() < 0) {
                add(path, "must not be negative");
            }
        }

        /** Records {@code id} as seen at {@code path}; false (and a problem) if an earlier entry has it. */
        boolean unique(Map<String, String> seen, String id, String path) {
            String first = seen.putIfAbsent(id, path);
            if (first != null) {
                add(path, "duplicate '" + id + "', already used at " + first);
                return false;
            }
            return true;
        }
    }
}
