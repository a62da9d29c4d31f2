package io.switchboard.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.helm.Reachability.ExternalAddress;
import io.switchboard.helm.Reachability.Outside;
import io.switchboard.helm.Reachability.Pod;
import io.switchboard.helm.Reachability.PodIn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Only gateway-service is reachable from outside the release; each internal service only from its callers; the
 * management port only from Prometheus; egress only where each component needs it. Evaluated on the rendered
 * NetworkPolicies with {@link Reachability}.
 */
class NetworkIsolationTest {

    private static final int API = 8080;
    private static final int MANAGEMENT = 8081;
    private static final Pod PROMETHEUS = new Pod(Map.of("app.kubernetes.io/name", "prometheus"));
    private static final Pod STRANGER = new Pod(Map.of("app", "something-else"));

    /** Who may open each component's API port: the contract between the services (docs/contracts.md). */
    private static final Map<String, Set<String>> CALLERS = Map.of(
            "gateway", Set.of(),
            "routing", Set.of("gateway"),
            "billing", Set.of("gateway"),
            "catalog", Set.of("gateway", "routing"),
            "simulator", Set.of("routing"),
            "valkey", Set.of("gateway", "routing", "billing", "catalog"),
            "kafka", Set.of("routing", "billing"));

    @Test
    void shouldLetOnlyTheirCallersReachTheInternalServicesAndAnyoneTheGateway() {
        Reachability reach = new Reachability(Chart.render(Chart.ci("minimal-values.yaml")));

        assertThat(reach.canConnect(new Outside(), "gateway", API)).isTrue();
        assertThat(reach.canConnect(STRANGER, "gateway", API)).isTrue();
        assertThat(connections(reach, Manifests.CORE, API)).containsExactlyInAnyOrderElementsOf(
                expected(Manifests.CORE));
    }

    @Test
    void shouldLetOnlyTheIngressControllerReachTheGatewayWhenConfigured() {
        Reachability reach = new Reachability(Chart.render(Chart.ci("production-values.yaml")));

        assertThat(reach.canConnect(STRANGER, "gateway", API)).isFalse();
        // The values admit the ingress-nginx namespace: a client from another namespace, whatever its labels.
        assertThat(reach.canConnect(new Outside(), "gateway", API)).isTrue();
        assertThat(connections(reach, Manifests.CORE, API)).containsExactlyInAnyOrderElementsOf(
                expected(Manifests.CORE));
    }

    @Test
    void shouldLetTheSimulatorAndTheDevDependenciesBeReachedOnlyByTheirUsers() {
        Reachability reach = new Reachability(Chart.render(Chart.ci("simulator-demo-values.yaml")));
        List<String> all = List.of("gateway", "routing", "billing", "catalog", "simulator", "valkey", "kafka");

        List<String> connections = new ArrayList<>();
        connections.addAll(connections(reach, List.of("gateway", "routing", "billing", "catalog", "simulator"), API));
        connections.addAll(connections(reach, List.of("valkey"), 6379));
        connections.addAll(connections(reach, List.of("kafka"), 9092));

        assertThat(connections).containsExactlyInAnyOrderElementsOf(expected(all));
        assertThat(reach.canConnect(new Outside(), "valkey", 6379)).isFalse();
        assertThat(reach.canConnect(new Outside(), "kafka", 9092)).isFalse();
        assertThat(reach.canConnect(new Outside(), "simulator", API)).isFalse();
    }

    @Test
    void shouldLetOnlyPrometheusScrapeTheManagementPort() {
        Manifests manifests = Chart.render(Chart.ci("minimal-values.yaml"));
        Reachability reach = new Reachability(manifests);

        for (String component : Manifests.CORE) {
            assertThat(reach.canConnect(PROMETHEUS, component, MANAGEMENT)).as(component).isTrue();
            assertThat(reach.canConnect(STRANGER, component, MANAGEMENT)).as(component).isFalse();
            assertThat(reach.canConnect(new Outside(), component, MANAGEMENT)).as(component).isFalse();
            for (String other : Manifests.CORE) {
                assertThat(reach.canConnect(reach.pod(other), component, MANAGEMENT)).as(other + " -> " + component)
                        .isFalse();
            }
            assertThat(reach.canConnect(new Outside(), component, 9999)).as("unlisted port of " + component)
                    .isFalse();
        }
    }

    @Test
    void shouldLetOnlyRoutingCallProvidersOutsideTheCluster() {
        Reachability reach = new Reachability(Chart.render(Chart.ci("minimal-values.yaml")));

        assertThat(reach.canReach("routing", new ExternalAddress(), 443)).isTrue();
        assertThat(reach.canReach("gateway", new ExternalAddress(), 443)).isFalse();
        assertThat(reach.canReach("billing", new ExternalAddress(), 443)).isFalse();
        assertThat(reach.canReach("catalog", new ExternalAddress(), 443)).isFalse();
    }

    @Test
    void shouldLetOnlyKafkaUsersReachKafkaAndRedisUsersReachRedis() {
        Reachability reach = new Reachability(Chart.render(Chart.ci("production-values.yaml")));

        // production-values.yaml puts Redis in 10.20.0.0/16 on 6380 and Kafka in the kafka namespace on 9093.
        PodIn broker = new PodIn("kafka", Map.of("strimzi.io/kind", "Kafka"));
        for (String component : Manifests.CORE) {
            assertThat(reach.canReach(component, new ExternalAddress(), 6380)).as(component + " -> redis").isTrue();
            assertThat(reach.canReach(component, new PodIn("elsewhere", Map.of()), 6380)).isFalse();
        }
        assertThat(reach.canReach("routing", broker, 9093)).isTrue();
        assertThat(reach.canReach("billing", broker, 9093)).isTrue();
        assertThat(reach.canReach("gateway", broker, 9093)).isFalse();
        assertThat(reach.canReach("catalog", broker, 9093)).isFalse();
        assertThat(reach.canReach("routing", new PodIn("elsewhere", Map.of()), 9093)).isFalse();
    }

    /** "a -> b" for every pod a of the release (and a stranger pod) that can open the port on component b. */
    private static List<String> connections(Reachability reach, List<String> targets, int port) {
        List<String> found = new ArrayList<>();
        List<String> clients = new ArrayList<>(CALLERS.keySet().stream().filter(c -> exists(reach, c)).toList());
        for (String target : targets) {
            for (String client : clients) {
                if (!client.equals(target) && reach.canConnect(reach.pod(client), target, port)) {
                    found.add(client + " -> " + target);
                }
            }
            if (!target.equals("gateway") && reach.canConnect(STRANGER, target, port)) {
                found.add("stranger -> " + target);
            }
        }
        return found;
    }

    private static List<String> expected(List<String> targets) {
        return targets.stream()
                .flatMap(target -> CALLERS.get(target).stream().map(caller -> caller + " -> " + target))
                .toList();
    }

    private static boolean exists(Reachability reach, String component) {
        try {
            reach.pod(component);
            return true;
        } catch (AssertionError absent) {
            return false;
        }
    }
}
