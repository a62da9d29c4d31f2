package io.switchboard.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The components find each other, their configuration, Redis and Kafka where the chart put them. */
class WiringTest {

    @Test
    void shouldPointTheGatewayAndRoutingAtTheServicesOfTheOtherComponents() {
        Manifests manifests = Chart.render(Chart.ci("minimal-values.yaml"));

        assertServiceUrl(manifests, manifests.envValue("gateway", "SWITCHBOARD_ROUTING_URL"), "routing");
        assertServiceUrl(manifests, manifests.envValue("gateway", "SWITCHBOARD_CATALOG_URL"), "catalog");
        assertServiceUrl(manifests, manifests.envValue("gateway", "SWITCHBOARD_BILLING_URL"), "billing");
        assertServiceUrl(manifests, manifests.envValue("routing", "SWITCHBOARD_CATALOG_URL"), "catalog");
    }

    @Test
    void shouldGiveRedisToEveryServiceAndKafkaToItsProducerAndConsumer() {
        Manifests manifests = Chart.render(Chart.ci("minimal-values.yaml"));

        for (String component : Manifests.CORE) {
            assertThat(manifests.envValue(component, "REDIS_URL")).isEqualTo("redis://redis.data.svc:6379");
        }
        assertThat(manifests.envValue("routing", "KAFKA_BOOTSTRAP_SERVERS"))
                .isEqualTo("kafka-bootstrap.kafka.svc:9092");
        assertThat(manifests.envValue("billing", "KAFKA_BOOTSTRAP_SERVERS"))
                .isEqualTo("kafka-bootstrap.kafka.svc:9092");
        assertThat(manifests.env("gateway", "KAFKA_BOOTSTRAP_SERVERS")).isEmpty();
        assertThat(manifests.env("catalog", "KAFKA_BOOTSTRAP_SERVERS")).isEmpty();
    }

    @Test
    void shouldExportSpansOnlyWhereTracingIsEnabledAndSampleAsConfigured() {
        Manifests minimal = Chart.render(Chart.ci("minimal-values.yaml"));
        Manifests production = Chart.render(Chart.ci("production-values.yaml"));

        for (String component : Manifests.CORE) {
            assertThat(minimal.envValue(component, "MANAGEMENT_TRACING_EXPORT_ENABLED")).isEqualTo("false");
            assertThat(minimal.envValue(component, "MANAGEMENT_TRACING_SAMPLING_PROBABILITY")).isEqualTo("0.1");
            assertThat(minimal.env(component, "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT")).isEmpty();
            assertThat(production.envValue(component, "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT"))
                    .isEqualTo("http://otel-collector.observability.svc:4318/v1/traces");
            assertThat(production.envValue(component, "MANAGEMENT_TRACING_SAMPLING_PROBABILITY")).isEqualTo("0.05");
            assertThat(production.env(component, "MANAGEMENT_TRACING_EXPORT_ENABLED")).isEmpty();
        }
    }

    @Test
    void shouldUseTheInClusterValkeyAndKafkaInDevMode() {
        Manifests manifests = Chart.render(Chart.ci("dev-values.yaml"));

        assertServiceUrl(manifests, manifests.envValue("billing", "REDIS_URL"), "valkey");
        assertServiceUrl(manifests, "tcp://" + manifests.envValue("routing", "KAFKA_BOOTSTRAP_SERVERS"), "kafka");
        assertThat(manifests.deployment("kafka")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .getFirst()
                .getEnv()).anySatisfy(env -> {
                    assertThat(env.getName()).isEqualTo("KAFKA_ADVERTISED_LISTENERS");
                    assertThat(env.getValue()).isEqualTo("PLAINTEXT://sb-switchboard-kafka:9092");
                });
    }

    @Test
    void shouldPointEveryProviderAtTheSimulatorOnlyWhenItIsEnabled() {
        Manifests demo = Chart.render(Chart.ci("simulator-demo-values.yaml"));
        Manifests production = Chart.render(Chart.ci("production-values.yaml"));

        String override = demo.envValue("catalog", "SWITCHBOARD_CATALOG_BASEURLOVERRIDE");
        assertThat(override).endsWith("/{provider}/v1");
        assertServiceUrl(demo, override.replace("/{provider}/v1", ""), "simulator");
        assertThat(demo.envValue("simulator", "SERVER_PORT")).isEqualTo("8080");
        assertThat(production.env("catalog", "SWITCHBOARD_CATALOG_BASEURLOVERRIDE")).isEmpty();
        assertThat(production.component(Deployment.class, "simulator")).isEmpty();
    }

    @Test
    void shouldHaveBillingCreditTheBootstrapTenantOnlyWhenACreditIsGiven() {
        Manifests demo = Chart.render(Chart.ci("simulator-demo-values.yaml"));
        Manifests production = Chart.render(Chart.ci("production-values.yaml"));

        assertThat(demo.envValue("billing", "SWITCHBOARD_BILLING_BOOTSTRAPCREDIT_TENANT")).isEqualTo("demo");
        assertThat(demo.envValue("billing", "SWITCHBOARD_BILLING_BOOTSTRAPCREDIT_AMOUNT")).isEqualTo("100");
        assertThat(demo.env("gateway", "SWITCHBOARD_BILLING_BOOTSTRAPCREDIT_AMOUNT")).isEmpty();
        assertThat(production.env("billing", "SWITCHBOARD_BILLING_BOOTSTRAPCREDIT_AMOUNT")).isEmpty();
    }

    @Test
    void shouldMountAnOperatorsCatalogAndPointCatalogServiceAtIt() {
        Manifests manifests = Chart.render(Chart.ci("features-values.yaml"));

        Deployment catalog = manifests.deployment("catalog");
        assertThat(manifests.envValue("catalog", "SWITCHBOARD_CATALOG_FILE"))
                .isEqualTo("file:/etc/switchboard/catalog/catalog.yaml");
        Volume volume = catalog.getSpec()
                .getTemplate()
                .getSpec()
                .getVolumes()
                .stream()
                .filter(v -> v.getName().equals("catalog"))
                .findFirst()
                .orElseThrow();
        ConfigMap configMap = manifests.get(ConfigMap.class, volume.getConfigMap().getName());
        assertThat(configMap.getData().get("catalog.yaml")).contains("slug: vllm");
        assertThat(manifests.container("catalog").getVolumeMounts())
                .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/etc/switchboard/catalog"));
        assertThat(catalog.getSpec().getTemplate().getMetadata().getAnnotations()).containsKey("checksum/catalog");
        assertThat(Chart.render(Chart.ci("minimal-values.yaml")).env("catalog", "SWITCHBOARD_CATALOG_FILE"))
                .as("the built-in catalog by default")
                .isEmpty();
    }

    @Test
    void shouldLoadSpringPropertiesFromAConfigMapPerComponent() {
        Manifests manifests = Chart.render(Chart.ci("features-values.yaml"));

        ConfigMap routing = manifests.get(ConfigMap.class, "sb-switchboard-routing-config");
        assertThat(routing.getData().get("application.yaml"))
                .contains("io.switchboard: DEBUG")
                .contains("read-idle-timeout: 180s");
        assertThat(manifests.get(ConfigMap.class, "sb-switchboard-gateway-config").getData().get("application.yaml"))
                .contains("io.switchboard: DEBUG")
                .doesNotContain("read-idle-timeout");
        assertThat(manifests.envValue("routing", "SPRING_CONFIG_ADDITIONAL_LOCATION"))
                .isEqualTo("optional:file:/etc/switchboard/config/");
        assertThat(manifests.deployment("routing").getSpec().getTemplate().getMetadata().getAnnotations())
                .containsKey("checksum/config");
    }

    @Test
    void shouldGiveKafkaClientPropertiesAndTheBrokersCaToKafkaUsersOnly() {
        Manifests manifests = Chart.render(Chart.ci("production-values.yaml"));

        for (String component : new String[]{"routing", "billing"}) {
            assertThat(manifests.get(ConfigMap.class, "sb-switchboard-" + component + "-config")
                    .getData()
                    .get("application.yaml")).contains("security.protocol: SASL_SSL")
                    .contains("ssl.truststore.type: PEM")
                    .contains("ssl.truststore.location: /etc/switchboard/kafka-ca/ca.crt");
            assertThat(manifests.deployment(component).getSpec().getTemplate().getSpec().getVolumes())
                    .filteredOn(volume -> volume.getSecret() != null)
                    .extracting(volume -> volume.getSecret().getSecretName())
                    .containsExactly("switchboard-cluster-ca-cert");
            assertThat(manifests.container(component).getVolumeMounts())
                    .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/etc/switchboard/kafka-ca"));
        }
        assertThat(manifests.find(ConfigMap.class, "sb-switchboard-gateway-config")).isEmpty();
        assertThat(manifests.container("gateway").getVolumeMounts())
                .noneSatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/etc/switchboard/kafka-ca"));
    }

    @Test
    void shouldRouteTheIngressToTheGatewaysApiPort() {
        Manifests manifests = Chart.render(Chart.ci("production-values.yaml"));

        Ingress ingress = manifests.of(Ingress.class).getFirst();
        IngressBackend backend = ingress.getSpec().getRules().getFirst().getHttp().getPaths().getFirst().getBackend();
        Service gateway = manifests.get(Service.class, backend.getService().getName());
        assertThat(gateway.getMetadata().getLabels()).containsEntry(Manifests.COMPONENT, "gateway");
        assertThat(gateway.getSpec().getPorts()).anySatisfy(port -> assertThat(port.getName())
                .isEqualTo(backend.getService().getPort().getName()));
        assertThat(ingress.getSpec().getTls()).isNotEmpty();
    }

    @Test
    void shouldScrapeEveryComponentsManagementPortWithTheServiceMonitor() {
        Manifests manifests = Chart.render(Chart.ci("production-values.yaml"));

        ServiceMonitor monitor = manifests.of(ServiceMonitor.class).getFirst();
        Map<String, String> selector = monitor.getSpec().getSelector().getMatchLabels();
        var scraped = manifests.of(Service.class)
                .stream()
                .filter(s -> s.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .toList();
        assertThat(scraped).extracting(s -> s.getMetadata().getLabels().get(Manifests.COMPONENT))
                .containsExactlyInAnyOrderElementsOf(Manifests.CORE);
        assertThat(scraped).allSatisfy(service -> assertThat(service.getSpec().getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getName()).isEqualTo("management")));
        assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.getPort()).isEqualTo("management");
            assertThat(endpoint.getPath()).isEqualTo("/actuator/prometheus");
        });
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
    }

    /** The URL names a Service of the component, on a port that Service has. */
    private static void assertServiceUrl(Manifests manifests, String url, String component) {
        URI uri = URI.create(url);
        Service service = manifests.get(Service.class, uri.getHost());
        assertThat(service.getMetadata().getLabels()).as(url).containsEntry(Manifests.COMPONENT, component);
        assertThat(service.getSpec().getPorts()).as(url)
                .anySatisfy(port -> assertThat(port.getPort()).isEqualTo(uri.getPort()));
    }
}
