package io.switchboard.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/** values.yaml and values.schema.json: typos and impossible combinations are refused, every value is documented. */
class ValuesTest {

    private static final Path MINIMAL = Chart.ci("minimal-values.yaml");

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            gatway.replicaCount                  | 2        | additional properties 'gatway' not allowed
            gateway.replicas                     | 3        | '/gateway/replicas'
            networkPolicy.egress.enable          | false    | additional properties 'enable' not allowed
            routing.gracefulShutdown.timeout     | 60       | additional properties 'timeout' not allowed
            simulator.image.digest               | latest   | '/simulator/image/digest'
            image.pullPolicy                     | Sometimes| '/image/pullPolicy'
            bootstrapKey.value                   | hunter2  | '/bootstrapKey/value'
            internalSecret.value                 | too-short| '/internalSecret/value'
            redis.url                            | localhost| '/redis/url'
            """)
    void shouldRefuseAValueTheSchemaDoesNotAllow(String key, String value, String message) {
        assertThatThrownBy(() -> Chart.template(Chart.RELEASE, MINIMAL, Map.of(key, value)))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining(message);
    }

    @Test
    void shouldSayWhatToSetWhenRedisAndKafkaAreMissing() {
        assertThatThrownBy(() -> Chart.template(Chart.RELEASE, null, Map.of()))
                .hasMessageContaining("set redis.url")
                .hasMessageContaining("dev.enabled=true");
        assertThatThrownBy(() -> Chart.template(Chart.RELEASE, null, Map.of("redis.url", "redis://r:6379")))
                .hasMessageContaining("set kafka.bootstrapServers");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            dev.enabled                           | true                        | leave redis.url and redis.existingSecret empty
            redis.existingSecret                  | redis                       | either redis.url or redis.existingSecret
            internalSecret.existingSecret         | internal                    | internalSecret.existingSecret or internalSecret.value
            gateway.gracefulShutdown.timeoutSeconds | 60                        | at least routing.gracefulShutdown.timeoutSeconds
            """)
    void shouldRefuseContradictoryValues(String key, String value, String message) {
        assertThatThrownBy(() -> Chart.template(Chart.RELEASE, MINIMAL, Map.of(key, value,
                "internalSecret.value", "0123456789abcdef0123456789abcdef")))
                .hasMessageContaining(message);
    }

    /**
     * Every value a user can set is documented in values.yaml with a {@code # --} comment, on the key itself or on
     * an enclosing key that is documented as a whole (such as {@code resources}).
     */
    @Test
    void shouldDocumentEveryValue() throws IOException {
        List<String> lines = Files.readAllLines(Chart.DIR.resolve("values.yaml"));
        LoadSettings settings = LoadSettings.builder().build();
        Node root = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, String.join("\n",
                lines)))).getSingleNode().orElseThrow();
        List<String> undocumented = new ArrayList<>();
        collectUndocumented((MappingNode) root, "", lines, undocumented);

        assertThat(undocumented).isEmpty();
    }

    /** Every setting the schema knows appears (documented) in values.yaml, so none is hidden. */
    @Test
    void shouldListEverySchemaPropertyInValuesYaml() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Chart.DIR.resolve("values.schema.json").toFile());
        JsonNode values = new ObjectMapper().valueToTree(Chart.readYaml(Chart.DIR.resolve("values.yaml")));
        List<String> missing = new ArrayList<>();
        collectMissing(schema, schema, values, "", missing);

        assertThat(missing).isEmpty();
    }

    private static void collectUndocumented(MappingNode mapping, String path, List<String> lines,
            List<String> undocumented) {
        for (NodeTuple tuple : mapping.getValue()) {
            String key = ((ScalarNode) tuple.getKeyNode()).getValue();
            int line = tuple.getKeyNode().getStartMark().orElseThrow().getLine();
            if (documented(lines, line)) {
                continue;
            }
            if (tuple.getValueNode() instanceof MappingNode child && !child.getValue().isEmpty()) {
                collectUndocumented(child, path + key + ".", lines, undocumented);
            } else {
                undocumented.add(path + key + " (line " + (line + 1) + ")");
            }
        }
    }

    /** Whether the comment block right above the line (0-based) starts with "# --". */
    private static boolean documented(List<String> lines, int line) {
        int i = line - 1;
        while (i >= 0 && lines.get(i).trim().startsWith("#") && !lines.get(i).trim().startsWith("# --")) {
            i--;
        }
        return i >= 0 && lines.get(i).trim().startsWith("# --");
    }

    private static void collectMissing(JsonNode root, JsonNode schema, JsonNode values, String path,
            List<String> missing) {
        JsonNode resolved = schema.has("$ref") ? root.at(schema.get("$ref").asText().substring(1)) : schema;
        List<JsonNode> parts = schema.has("$ref") ? List.of(resolved, schema) : List.of(resolved);
        for (JsonNode part : parts) {
            part.path("properties").properties().forEach(property -> {
                String name = property.getKey();
                if (!values.has(name)) {
                    missing.add(path + name);
                } else {
                    collectMissing(root, property.getValue(), values.get(name), path + name + ".", missing);
                }
            });
        }
    }
}
