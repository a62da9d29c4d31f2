package io.switchboard.catalog.source;

import io.switchboard.catalog.api.Architecture;
import io.switchboard.catalog.api.Endpoint;
import io.switchboard.catalog.api.Model;
import io.switchboard.catalog.api.Pricing;
import io.switchboard.catalog.api.Provider;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules a catalog file must satisfy before it is served. Problems name the exact path of the bad field
 * ({@code endpoints[3].pricing.prompt}) and are all collected, so one start-up shows every mistake in the file.
 * Values read from YAML may be null whatever the records declare, hence the explicit checks.
 */
final class CatalogValidator {

    /** Provider slugs appear in endpoint ids, URLs and OpenRouter's {@code provider.order}. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    /** OpenRouter model ids are {@code author/slug}; a colon would clash with variants ({@code :free}). */
    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

    private CatalogValidator() {
    }

    /** Every problem of {@code file} as {@code <path>: <message>}; empty when the file is valid. */
    static List<String> problems(CatalogFile file) {
        Problems problems = new Problems();
        Map<String, Provider> providers = checkProviders(file.providers(), problems);
        Map<String, Model> models = checkModels(file.models(), problems);
        checkEndpoints(file.endpoints(), providers, models, problems);
        return problems.list;
    }

    private static Map<String, Provider> checkProviders(@Nullable List<Provider> providers, Problems problems) {
        Map<String, Provider> bySlug = new HashMap<>();
        Map<String, String> seen = new HashMap<>();
        if (!problems.present("providers", providers)) {
            return bySlug;
        }
        for (int i = 0; i < providers.size(); i++) {
            String at = "providers[" + i + "]";
            Provider provider = providers.get(i);
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
            String at = "models[" + i + "]";
            Model model = models.get(i);
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
            problems.texts(at + ".supported_parameters", model.supportedParameters(), false);
            problems.optionalText(at + ".hugging_face_id", model.huggingFaceId());
        }
        return byId;
    }

    private static void checkArchitecture(String at, @Nullable Architecture architecture, Problems problems) {
        if (!problems.present(at, architecture)) {
            return;
        }
        problems.text(at + ".modality", architecture.modality());
        problems.texts(at + ".input_modalities", architecture.inputModalities(), true);
        problems.texts(at + ".output_modalities", architecture.outputModalities(), true);
        problems.text(at + ".tokenizer", architecture.tokenizer());
        problems.optionalText(at + ".instruct_type", architecture.instructType());
    }

    private static void checkEndpoints(@Nullable List<Endpoint> endpoints, Map<String, Provider> providers,
            Map<String, Model> models, Problems problems) {
        Map<String, String> seen = new HashMap<>();
        if (!problems.present("endpoints", endpoints)) {
            return;
        }
        for (int i = 0; i < endpoints.size(); i++) {
            String at = "endpoints[" + i + "]";
            Endpoint endpoint = endpoints.get(i);
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
            problems.text(at + ".quantization", endpoint.quantization());
            if (problems.texts(at + ".supported_parameters", endpoint.supportedParameters(), false) && hasModel) {
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
