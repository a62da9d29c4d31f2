package io.switchboard.catalog.source;

import io.switchboard.catalog.api.Endpoint;
import io.switchboard.catalog.api.Model;
import io.switchboard.catalog.api.Provider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalog served: the file (the baseline) with the operator's edits laid over it, validated by the file's own
 * rules. Entries keep the file's order; entries only the edits define follow, by id. Pure: every replica composing the
 * same baseline and overlay gets the same catalog, and the same version.
 */
public final class CatalogComposer {

    private CatalogComposer() {
    }

    public static Composition compose(CatalogFile baseline, CatalogOverlay overlay) {
        List<String> problems = new ArrayList<>();
        List<Provider> providers = merge(EntityKind.PROVIDER, baseline.providers(), Provider::slug, Provider.class,
                overlay, problems);
        List<Model> models = merge(EntityKind.MODEL, baseline.models(), Model::id, Model.class, overlay, problems);
        List<Endpoint> endpoints = merge(EntityKind.ENDPOINT, baseline.endpoints(), Endpoint::id, Endpoint.class,
                overlay, problems);
        if (problems.isEmpty()) {
            problems.addAll(CatalogValidator.problems(new CatalogFile(providers, models, endpoints),
                    CatalogValidator.Locator.BY_ID));
        }
        return problems.isEmpty()
                ? new Composition.Valid(CatalogVersion.snapshot(providers, models, endpoints))
                : new Composition.Invalid(problems);
    }

    private static <T> List<T> merge(EntityKind kind, @Nullable List<T> base, Function<T, String> idOf, Class<T> type,
            CatalogOverlay overlay, List<String> problems) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        (base == null ? List.<T>of() : base)
                .forEach(entry -> entries.put(idOf.apply(entry), CatalogJson.MAPPER.valueToTree(entry)));
        overlay.patches().forEach((ref, patch) -> {
            if (ref.kind() == kind) {
                JsonNode current = entries.get(ref.id());
                entries.put(ref.id(), MergePatch.apply(current == null
                        ? CatalogJson.MAPPER.createObjectNode()
                        : current, patch));
            }
        });
        List<T> merged = new ArrayList<>();
        entries.forEach((id, json) -> {
            EntityRef ref = new EntityRef(kind, id);
            JsonNode given = json.get(kind.idField());
            if (given == null || !given.isString() || !given.asString().equals(id)) {
                // The id is the entry's identity in the overlay and in Redis; an edit cannot move it.
                problems.add(ref.path() + "." + kind.idField() + ": must be '" + id + "' (an entry's "
                        + kind.idField() + " cannot be changed)");
                return;
            }
            try {
                merged.add(CatalogJson.MAPPER.treeToValue(json, type));
            } catch (JacksonException e) {
                boolean atField = !YamlProblem.pathOf(e.getPath()).isEmpty();
                problems.add(ref.path() + (atField ? "." : ": ") + YamlProblem.describe(e));
            }
        });
        return merged;
    }

    /** The JSON of {@code entry} in the catalog's own form (the file's fields, snake_case). */
    public static ObjectNode toJson(Object entry) {
        return CatalogJson.MAPPER.valueToTree(entry);
    }
}
