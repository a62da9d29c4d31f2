package io.switchboard.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What must hold for every values file: every manifest parses strictly (see {@link Chart#render}), and every
 * Switchboard container is probed on Actuator, bounded in resources, hardened, and drains open streams.
 */
class ManifestInvariantsTest {

    private static final int MANAGEMENT_PORT = 8081;
    private static final List<String> DEV = List.of("valkey", "kafka");

    static Stream<Path> valuesFiles() {
        return Chart.ciValuesFiles().stream();
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void shouldDeployTheFourServicesEachWithItsOwnService(Path valuesFile) {
        Manifests manifests = Chart.render(valuesFile);

        for (String component : Manifests.CORE) {
            assertThat(manifests.deployment(component)).isNotNull();
            assertThat(manifests.component(Service.class, component)).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void shouldProbeLivenessAndReadinessOnActuatorsManagementPort(Path valuesFile) {
        for (Deployment deployment : switchboard(Chart.render(valuesFile))) {
            Container container = container(deployment);
            assertThat(container.getPorts()).filteredOn(p -> p.getName().equals("management"))
                    .extracting(ContainerPort::getContainerPort)
                    .containsExactly(MANAGEMENT_PORT);
            assertActuatorProbe(container.getStartupProbe(), "/actuator/health/liveness");
            assertActuatorProbe(container.getLivenessProbe(), "/actuator/health/liveness");
            assertActuatorProbe(container.getReadinessProbe(), "/actuator/health/readiness");
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void shouldRequestCpuAndMemoryAndLimitMemory(Path valuesFile) {
        for (Deployment deployment : Chart.render(valuesFile).deployments()) {
            var resources = container(deployment).getResources();
            assertThat(resources.getRequests()).as(name(deployment)).containsKeys("cpu", "memory");
            assertThat(resources.getLimits()).as(name(deployment)).containsKey("memory");
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void shouldRunEveryContainerHardened(Path valuesFile) {
        for (Deployment deployment : Chart.render(valuesFile).deployments()) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name(deployment)).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(name(deployment)).isPositive();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).as(name(deployment)).isFalse();
            assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
            for (Container container : pod.getContainers()) {
                var security = container.getSecurityContext();
                assertThat(security.getAllowPrivilegeEscalation()).as(name(deployment)).isFalse();
                assertThat(security.getPrivileged()).as(name(deployment)).isNotEqualTo(Boolean.TRUE);
                assertThat(security.getCapabilities().getDrop()).as(name(deployment)).containsExactly("ALL");
                assertThat(security.getCapabilities().getAdd()).as(name(deployment)).isNullOrEmpty();
                assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            }
        }
        for (Deployment deployment : switchboard(Chart.render(valuesFile))) {
            Container container = container(deployment);
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(name(deployment)).isTrue();
            assertThat(container.getVolumeMounts()).as(name(deployment))
                    .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
            assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes())
                    .anySatisfy(volume -> {
                        assertThat(volume.getName()).isEqualTo("tmp");
                        assertThat(volume.getEmptyDir()).isNotNull();
                    });
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void shouldDrainLongerThanThePreStopPauseAndTheShutdownGracePeriodTogether(Path valuesFile) {
        for (Deployment deployment : switchboard(Chart.render(valuesFile))) {
            Container container = container(deployment);
            assertThat(env(container, "SERVER_SHUTDOWN")).isEqualTo("graceful");
            long shutdown = seconds(env(container, "SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE"));
            long preStop = container.getLifecycle().getPreStop().getSleep().getSeconds();
            assertThat(preStop).as(name(deployment)).isPositive();
            assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                    .as(name(deployment))
                    .isGreaterThan(preStop + shutdown);
            assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
                    .as("%s rolls without losing capacity", name(deployment))
                    .isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void shouldRunPinnedImagesWithUniqueEnvironmentVariables(Path valuesFile) {
        for (Deployment deployment : Chart.render(valuesFile).deployments()) {
            Container container = container(deployment);
            assertThat(container.getImage()).as(name(deployment)).doesNotEndWith(":latest").matches(".+[:@].+");
            List<String> names = container.getEnv().stream().map(EnvVar::getName).toList();
            assertThat(names).as(name(deployment)).doesNotHaveDuplicates();
            assertThat(deployment.getSpec().getTemplate().getSpec().getEnableServiceLinks()).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void shouldExposeOnlyTheGatewayAndNeverTheManagementPortThroughItsServices(Path valuesFile) {
        Manifests manifests = Chart.render(valuesFile);
        for (Service service : manifests.of(Service.class)) {
            String component = component(service);
            boolean metrics = service.getMetadata().getName().endsWith("-metrics");
            if (!component.equals("gateway") || metrics) {
                assertThat(service.getSpec().getType()).as(name(service)).isEqualTo("ClusterIP");
            }
            List<Object> targets = service.getSpec()
                    .getPorts()
                    .stream()
                    .map(ServicePort::getTargetPort)
                    .map(port -> port.getIntVal() != null ? (Object) port.getIntVal() : port.getStrVal())
                    .toList();
            if (metrics) {
                assertThat(targets).as(name(service)).containsExactly("management");
            } else {
                assertThat(targets).as(name(service)).doesNotContain("management", MANAGEMENT_PORT);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void shouldSelectEachComponentsPodsFromItsServiceAutoscalerAndDisruptionBudget(Path valuesFile) {
        Manifests manifests = Chart.render(valuesFile);
        for (Deployment deployment : manifests.deployments()) {
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        }
        for (Service service : manifests.of(Service.class)) {
            assertThat(manifests.deployments()).as(name(service))
                    .filteredOn(d -> d.getSpec()
                            .getTemplate()
                            .getMetadata()
                            .getLabels()
                            .entrySet()
                            .containsAll(service.getSpec().getSelector().entrySet()))
                    .hasSize(1);
        }
        for (HorizontalPodAutoscaler hpa : manifests.of(HorizontalPodAutoscaler.class)) {
            Deployment target = manifests.get(Deployment.class, hpa.getSpec().getScaleTargetRef().getName());
            assertThat(target.getSpec().getReplicas()).as("replicas of %s, scaled by an HPA", name(target))
                    .isNull();
        }
        for (PodDisruptionBudget pdb : manifests.of(PodDisruptionBudget.class)) {
            assertThat(manifests.deployments()).as(name(pdb))
                    .filteredOn(d -> d.getSpec()
                            .getTemplate()
                            .getMetadata()
                            .getLabels()
                            .entrySet()
                            .containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()))
                    .hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void shouldIsolateEveryPodWithANetworkPolicy(Path valuesFile) {
        Manifests manifests = Chart.render(valuesFile);
        for (Deployment deployment : manifests.deployments()) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(manifests.of(NetworkPolicy.class)).as(name(deployment))
                    .anySatisfy(np -> assertThat(labels).containsAllEntriesOf(
                            np.getSpec().getPodSelector().getMatchLabels()));
        }
    }

    private static List<Deployment> switchboard(Manifests manifests) {
        return manifests.deployments().stream().filter(d -> !DEV.contains(component(d))).toList();
    }

    private static void assertActuatorProbe(Probe probe, String path) {
        assertThat(probe).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get.getPath()).isEqualTo(path);
        assertThat(get.getPort().getStrVal()).isEqualTo("management");
        assertThat(probe.getPeriodSeconds()).isPositive();
        assertThat(probe.getFailureThreshold()).isPositive();
    }

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    private static String env(Container container, String name) {
        return container.getEnv()
                .stream()
                .filter(e -> e.getName().equals(name))
                .map(EnvVar::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }

    private static long seconds(String duration) {
        assertThat(duration).matches("[0-9]+s");
        return Long.parseLong(duration.substring(0, duration.length() - 1));
    }

    private static String component(io.fabric8.kubernetes.api.model.HasMetadata resource) {
        return resource.getMetadata().getLabels().get(Manifests.COMPONENT);
    }

    private static String name(io.fabric8.kubernetes.api.model.HasMetadata resource) {
        return resource.getKind() + " " + resource.getMetadata().getName();
    }
}
