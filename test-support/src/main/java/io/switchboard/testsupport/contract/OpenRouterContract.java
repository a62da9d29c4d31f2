package io.switchboard.testsupport.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Validates JSON against the schemas of OpenRouter's published OpenAPI spec (vendored as
 * {@code contracts/openrouter-openapi.yaml}, a copy of {@code shared/contracts}). The spec is OpenAPI 3.1, whose
 * schemas are JSON Schema 2020-12: its {@code components.schemas} become {@code $defs} of one schema document, and
 * every response schema of its {@code paths} (such as the inline ones of {@code /keys}) joins them under a name of its
 * own.
 */
public final class OpenRouterContract {

    private static final String SPEC = "contracts/openrouter-openapi.yaml";
    private static final String BASE = "urn:switchboard:openrouter-openapi";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static volatile SchemaRegistry registry;

    private OpenRouterContract() {
    }

    /** The violations of {@code json} against component schema {@code schemaName}, such as {@code Model}. */
    public static List<String> violations(String schemaName, JsonNode json) {
        return schema(schemaName).validate(json).stream().map(Error::toString).toList();
    }

    public static List<String> violations(String schemaName, String json) {
        return violations(schemaName, JSON.readTree(json));
    }

    /**
     * Throws an {@link AssertionError} listing every violation of {@code json} against the response schema the spec
     * gives for {@code method} (lower case) on {@code path} (as the spec writes it, {@code /providers}) with
     * {@code status}; for responses whose schema is written inline rather than as a component.
     */
    public static void assertConformsToResponse(String path, String method, int status, String json) {
        assertConforms(responseSchemaName(path, method.toLowerCase(java.util.Locale.ROOT), status), json);
    }

    /** Throws an {@link AssertionError} listing every violation, if any. */
    public static void assertConforms(String schemaName, String json) {
        List<String> violations = violations(schemaName, json);
        if (!violations.isEmpty()) {
            throw new AssertionError("Does not conform to OpenRouter's " + schemaName + " schema:\n  "
                    + String.join("\n  ", violations) + "\nin: " + json);
        }
    }

    /**
     * The violations of {@code json} against the response schema of an operation, such as
     * {@code ("/keys", "post", 201)}.
     */
    public static List<String> responseViolations(String path, String method, int status, String json) {
        return violations(responseSchemaName(path, method.toLowerCase(java.util.Locale.ROOT), status), json);
    }

    private static Schema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> registry().getSchema(SchemaLocation.of(BASE + "#/$defs/" + n)));
    }

    private static SchemaRegistry registry() {
        if (registry == null) {
            synchronized (OpenRouterContract.class) {
                if (registry == null) {
                    ObjectNode document = asJsonSchemaDocument(readSpec());
                    String text = JSON.writeValueAsString(document);
                    registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                            builder -> builder.schemas(Map.of(BASE, text)));
                }
            }
        }
        return registry;
    }

    private static JsonNode readSpec() {
        try (InputStream in = OpenRouterContract.class.getClassLoader().getResourceAsStream(SPEC)) {
            if (in == null) {
                throw new IllegalStateException(SPEC + " is not on the class path");
            }
            return YAMLMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode asJsonSchemaDocument(JsonNode spec) {
        ObjectNode document = JSON.createObjectNode();
        document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        document.put("$id", BASE);
        ObjectNode defs = (ObjectNode) rewriteRefs(spec.get("components").get("schemas"));
        // Every JSON response schema of every operation, under a name no component has.
        for (var path : spec.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                JsonNode responses = operation.getValue().get("responses");
                if (responses == null) {
                    continue;
                }
                for (var response : responses.properties()) {
                    JsonNode schema = response.getValue().at("/content/application~1json/schema");
                    if (!schema.isMissingNode() && response.getKey().matches("\\d{3}")) {
                        defs.set(responseSchemaName(path.getKey(), operation.getKey(),
                                Integer.parseInt(response.getKey())), rewriteRefs(schema));
                    }
                }
            }
        }
        document.set("$defs", defs);
        return document;
    }

    private static String responseSchemaName(String path, String method, int status) {
        return "response-" + method + path.replaceAll("[^A-Za-z0-9]+", "_") + "-" + status;
    }

    private static JsonNode rewriteRefs(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            for (var field : node.properties()) {
                JsonNode value = field.getValue();
                if (field.getKey().startsWith("exclusiveM") && value.isBoolean()) {
                    // OpenAPI 3.0's boolean form, which one schema of the spec still uses; 2020-12 wants the bound.
                    String bound = field.getKey().equals("exclusiveMinimum") ? "minimum" : "maximum";
                    if (value.asBoolean() && node.has(bound)) {
                        copy.set(field.getKey(), node.get(bound));
                    }
                } else if (field.getKey().equals("$ref") && value.isString()) {
                    copy.put("$ref", value.asString().replace("#/components/schemas/", "#/$defs/"));
                } else {
                    copy.set(field.getKey(), rewriteRefs(value));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(rewriteRefs(element)));
            return copy;
        }
        return node;
    }
}
