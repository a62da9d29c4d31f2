package io.switchboard.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Kafka (Strimzi) and Valkey examples in deploy/ are valid resources and fit the chart's defaults. */
class DeployExamplesTest {

    private static final Path DEPLOY = Path.of("..", "deploy");

    @Test
    void shouldDescribeAKraftKafkaWithTheUsageTopicInStrimzisModel() throws IOException {
        StrictKubernetesParser parser = new StrictKubernetesParser();
        for (var type : List.of(Kafka.class, KafkaNodePool.class, KafkaTopic.class, KafkaUser.class)) {
            parser.withCustomResource("kafka.strimzi.io/v1", type);
        }
        List<HasMetadata> resources = parser.parseAll(Files.readString(DEPLOY.resolve("kafka-strimzi.yaml")));

        KafkaNodePool pool = only(resources, KafkaNodePool.class);
        assertThat(pool.getSpec().getRoles()).extracting(Enum::name)
                .containsExactlyInAnyOrder("CONTROLLER", "BROKER");
        Kafka kafka = only(resources, Kafka.class);
        assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafka.getMetadata().getName());
        KafkaTopic topic = only(resources, KafkaTopic.class);
        assertThat(topic.getSpec().getTopicName()).isEqualTo("switchboard.usage.v1");
        assertThat(topic.getSpec().getReplicas()).isEqualTo(3);
        assertThat(topic.getSpec().getConfig()).containsKey("retention.ms").containsEntry("min.insync.replicas", 2);
        // The chart's default Kafka egress allows the listener's port.
        assertThat(kafka.getSpec().getKafka().getListeners()).singleElement()
                .satisfies(listener -> assertThat(listener.getPort()).isEqualTo(9093));
        assertThat(only(resources, KafkaUser.class).getMetadata().getName()).isEqualTo("switchboard");
    }

    @Test
    void shouldRunValkeyHardenedWithPersistenceAndNoEviction() throws IOException {
        List<HasMetadata> resources = new StrictKubernetesParser().parseAll(Files.readString(DEPLOY.resolve(
                "valkey.yaml")));

        StatefulSet valkey = only(resources, StatefulSet.class);
        Container container = valkey.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(String.join(" ", container.getArgs())).contains("--appendonly yes", "noeviction", "requirepass");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(valkey.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(valkey.getSpec().getVolumeClaimTemplates()).isNotEmpty();
    }

    @Test
    void shouldStartTheWholeStackWithHealthChecksInComposeOrder() {
        Map<String, Object> compose = map(withMergeKeys(Chart.readYaml(DEPLOY.resolve("compose.yaml"))));
        Map<String, Map<String, Object>> services = mapOfMaps(compose.get("services"));

        assertThat(services).containsOnlyKeys("valkey", "kafka", "simulator", "catalog", "billing", "routing",
                "gateway");
        services.forEach((name, service) -> {
            assertThat(service).as(name).containsKey("healthcheck");
            Object dependsOn = service.get("depends_on");
            if (dependsOn != null) {
                Map<String, Map<String, Object>> dependencies = mapOfMaps(dependsOn);
                dependencies.forEach((dependency, condition) -> {
                    assertThat(services).as(name + " depends on " + dependency).containsKey(dependency);
                    assertThat(condition).containsEntry("condition", "service_healthy");
                });
            }
        });
        assertThat(map(services.get("gateway").get("depends_on")).keySet()).contains("routing", "catalog", "billing");
        Map<String, Object> gatewayEnvironment = map(services.get("gateway").get("environment"));
        assertThat(gatewayEnvironment).containsKeys("SWITCHBOARD_ROUTING_URL", "SWITCHBOARD_CATALOG_URL",
                "SWITCHBOARD_BILLING_URL", "SWITCHBOARD_BOOTSTRAP_KEY", "SWITCHBOARD_INTERNAL_SECRET", "REDIS_URL");
        assertThat(gatewayEnvironment).containsKeys("SWITCHBOARD_BOOTSTRAP_MANAGEMENT_KEY", "SWITCHBOARD_OPERATOR_KEY");
        // The README's chat examples need credit: billing gives the demo key's tenant its first credit.
        assertThat(map(services.get("billing").get("environment")))
                .containsEntry("SWITCHBOARD_BILLING_BOOTSTRAPCREDIT_TENANT", gatewayEnvironment.get(
                        "SWITCHBOARD_BOOTSTRAP_TENANT"))
                .containsKey("SWITCHBOARD_BILLING_BOOTSTRAPCREDIT_AMOUNT");
        assertThat(map(services.get("catalog").get("environment")).get("SWITCHBOARD_CATALOG_BASEURLOVERRIDE"))
                .isEqualTo("http://simulator:8080/{provider}/v1");
        for (String service : List.of("simulator", "catalog", "billing", "routing", "gateway")) {
            Map<String, Object> build = map(services.get(service).get("build"));
            assertThat(build).as(service).containsEntry("dockerfile", "deploy/Dockerfile");
            assertThat(Files.isDirectory(DEPLOY.resolve("..")
                    .resolve(map(build.get("args")).get("SERVICE")
                            .toString())))
                    .as("module of " + service)
                    .isTrue();
        }
    }

    private static <T extends HasMetadata> T only(List<HasMetadata> resources, Class<T> type) {
        List<T> found = resources.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.getFirst();
    }

    /** Applies YAML merge keys ({@code <<: *anchor}), which Compose supports and YAML 1.2 readers leave as keys. */
    private static Object withMergeKeys(Object node) {
        if (node instanceof List<?> list) {
            return list.stream().map(DeployExamplesTest::withMergeKeys).toList();
        }
        if (!(node instanceof Map<?, ?> map)) {
            return node;
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        Object base = map.get("<<");
        if (base != null) {
            for (Object source : base instanceof List<?> sources ? sources : List.of(base)) {
                merged.putAll(map(withMergeKeys(source)));
            }
        }
        map.forEach((key, value) -> {
            if (!"<<".equals(key)) {
                merged.put(String.valueOf(key), withMergeKeys(value));
            }
        });
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> mapOfMaps(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Map<String, Object>>) value;
    }
}
