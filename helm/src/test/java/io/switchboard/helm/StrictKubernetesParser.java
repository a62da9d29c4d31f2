package io.switchboard.helm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Parses manifests into fabric8's typed Kubernetes model (and Strimzi's, for its custom resources) and refuses
 * anything the API server would refuse
 * or read differently than intended:
 * <ul>
 * <li>an unknown field at any depth (fabric8 keeps those in {@code additionalProperties}; any non-empty one fails),
 * <li>an unknown {@code apiVersion}/{@code kind},
 * <li>a scalar of the wrong type ({@code "2"} for an integer, {@code 8080} for a string), which Jackson would coerce,
 * <li>a duplicate key, and an unquoted YAML 1.1 boolean such as {@code on} or {@code no}, which Kubernetes' YAML
 * reader takes for a boolean where YAML 1.2 sees a string.
 * </ul>
 */
final class StrictKubernetesParser {

    private static final Pattern YAML11_BOOLEAN = Pattern.compile("y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF");

    private final ObjectMapper mapper = strictMapper();
    /**
     * Only for finding the model class of an apiVersion and kind: its own mapper is lenient on purpose (its Go
     * compatibility module reads "2" as an integer, and mismatched fields end up in additionalProperties).
     */
    private final KubernetesSerialization registry = new KubernetesSerialization();

    /** Also knows this custom resource, as the model class of its {@code apiVersion} and {@code kind}. */
    StrictKubernetesParser withCustomResource(String apiVersion, Class<? extends HasMetadata> type) {
        registry.registerKubernetesResource(apiVersion, type.getSimpleName(), type);
        return this;
    }

    /** Every document of a YAML stream, typed; empty documents are skipped. */
    List<HasMetadata> parseAll(String yaml) {
        LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false).setLabel("manifests").build();
        refuseYaml11Booleans(settings, yaml);
        List<HasMetadata> resources = new ArrayList<>();
        int index = 0;
        for (Object document : new Load(settings).loadAllFromString(yaml)) {
            index++;
            if (document == null) {
                continue;
            }
            if (!(document instanceof Map<?, ?> map)) {
                throw new AssertionError("Document " + index + " is not a mapping: " + document);
            }
            resources.add(parse(map, "document " + index));
        }
        return resources;
    }

    HasMetadata parse(Map<?, ?> document, String where) {
        Class<? extends KubernetesResource> type = registry.getRegisteredKubernetesResource(
                String.valueOf(document.get("apiVersion")), String.valueOf(document.get("kind")));
        if (type == null || type == GenericKubernetesResource.class || !HasMetadata.class.isAssignableFrom(type)) {
            throw new AssertionError(where + ": unknown apiVersion/kind " + document.get("apiVersion") + "/"
                    + document.get("kind"));
        }
        HasMetadata typed;
        try {
            typed = (HasMetadata) mapper.readValue(mapper.writeValueAsString(document), type);
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new AssertionError(where + " (" + document.get("kind") + " " + name(document)
                    + ") does not match the Kubernetes model: " + cause.getMessage(), e);
        }
        String path = typed.getKind() + " " + typed.getMetadata().getName();
        refuseUnknownFields(typed, path, new IdentityHashMap<>());
        return typed;
    }

    private static String name(Map<?, ?> document) {
        return document.get("metadata") instanceof Map<?, ?> metadata ? String.valueOf(metadata.get("name")) : "?";
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .build();
        // Kubernetes refuses a number or boolean where it expects a string (env values, labels, annotations).
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // ... and a string where it expects a number or a boolean (replicas: "2").
        for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper;
    }

    /** Walks the typed model; fabric8 keeps every field it does not know in an {@code additionalProperties} map. */
    private static void refuseUnknownFields(Object node, String path, IdentityHashMap<Object, Boolean> seen) {
        if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean
                || node instanceof Enum<?> || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> refuseUnknownFields(value, path + "." + key, seen));
            return;
        }
        if (node instanceof Collection<?> collection) {
            int i = 0;
            for (Object item : collection) {
                refuseUnknownFields(item, path + "[" + i++ + "]", seen);
            }
            return;
        }
        String type = node.getClass().getName();
        if (!type.startsWith("io.fabric8.") && !type.startsWith("io.strimzi.")) {
            return;
        }
        for (Class<?> c = node.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object value;
                try {
                    value = field.get(node);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (field.getName().equals("additionalProperties")) {
                    if (value instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                        throw new AssertionError(path + ": unknown field(s) " + unknown.keySet());
                    }
                } else {
                    refuseUnknownFields(value, path + "." + field.getName(), seen);
                }
            }
        }
    }

    private static void refuseYaml11Booleans(LoadSettings settings, String yaml) {
        Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, yaml)));
        while (composer.hasNext()) {
            refuseYaml11Booleans(composer.next());
        }
    }

    private static void refuseYaml11Booleans(Node node) {
        switch (node) {
            case ScalarNode scalar when scalar.getScalarStyle() == ScalarStyle.PLAIN
                    && YAML11_BOOLEAN.matcher(scalar.getValue()).matches() ->
                throw new AssertionError(
                        "Unquoted '" + scalar.getValue() + "' at " + scalar.getStartMark()
                                .map(Object::toString)
                                .orElse("?") + " is a boolean to Kubernetes (YAML 1.1); quote it");
            case MappingNode mapping -> {
                for (NodeTuple tuple : mapping.getValue()) {
                    refuseYaml11Booleans(tuple.getKeyNode());
                    refuseYaml11Booleans(tuple.getValueNode());
                }
            }
            case SequenceNode sequence -> sequence.getValue().forEach(StrictKubernetesParser::refuseYaml11Booleans);
            default -> {
            }
        }
    }
}
