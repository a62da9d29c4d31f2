package io.switchboard.helm;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the rendered NetworkPolicies the way a CNI does, for the questions the chart's isolation must answer:
 * may this pod (or a client outside the release) open this port on that pod? Covers what the chart renders:
 * {@code podSelector.matchLabels} peers, {@code namespaceSelector} peers (the release's namespace carries only its
 * {@code kubernetes.io/metadata.name} label), {@code ipBlock} peers (which only outside clients match), numeric
 * ports.
 */
final class Reachability {

    /** Who opens the connection. */
    sealed interface Client {}

    /** A pod of the release, by its labels. */
    record Pod(Map<String, String> labels) implements Client {
    }

    /**
     * A client outside the release's namespace (another namespace, a node, the internet), whose labels nothing may
     * assume: only peers that admit any pod of some namespace, or any address, let it in.
     */
    record Outside() implements Client {
    }

    private final Manifests manifests;

    Reachability(Manifests manifests) {
        this.manifests = manifests;
    }

    Pod pod(String component) {
        return new Pod(manifests.deployment(component).getSpec().getTemplate().getMetadata().getLabels());
    }

    boolean canConnect(Client client, String component, int port) {
        Deployment target = manifests.deployment(component);
        Map<String, String> targetLabels = target.getSpec().getTemplate().getMetadata().getLabels();
        List<NetworkPolicy> isolating = manifests.of(NetworkPolicy.class)
                .stream()
                .filter(np -> selects(np.getSpec().getPodSelector(), targetLabels))
                .filter(np -> np.getSpec().getPolicyTypes().contains("Ingress"))
                .toList();
        boolean ingress = isolating.isEmpty() || isolating.stream()
                .flatMap(np -> np.getSpec().getIngress().stream())
                .anyMatch(rule -> portMatches(rule.getPorts(), port) && peersMatch(rule.getFrom(), client));
        return ingress && (!(client instanceof Pod pod) || egressAllowed(pod, targetLabels, port));
    }

    /** Whether the client pod's own policies let it open the port on a pod with these labels. */
    private boolean egressAllowed(Pod client, Map<String, String> targetLabels, int port) {
        List<NetworkPolicy> isolating = manifests.of(NetworkPolicy.class)
                .stream()
                .filter(np -> selects(np.getSpec().getPodSelector(), client.labels()))
                .filter(np -> np.getSpec().getPolicyTypes().contains("Egress"))
                .toList();
        return isolating.isEmpty() || isolating.stream()
                .flatMap(np -> np.getSpec().getEgress().stream())
                .anyMatch(rule -> portMatches(rule.getPorts(), port) && (rule.getTo().isEmpty() || rule.getTo()
                        .stream()
                        .anyMatch(peer -> peer.getNamespaceSelector() == null && peer.getIpBlock() == null
                                && selects(peer.getPodSelector(), targetLabels))));
    }

    /** Where a component's pod connects to, outside the release. */
    sealed interface Destination {}

    /** An address outside the cluster (a provider, a managed Redis). */
    record ExternalAddress() implements Destination {
    }

    /** A pod of another namespace (carrying its {@code kubernetes.io/metadata.name} label). */
    record PodIn(String namespace, Map<String, String> labels) implements Destination {
    }

    /** Whether the component's own policies let its pods open the port on the destination. */
    boolean canReach(String component, Destination destination, int port) {
        Map<String, String> labels = pod(component).labels();
        List<NetworkPolicy> isolating = manifests.of(NetworkPolicy.class)
                .stream()
                .filter(np -> selects(np.getSpec().getPodSelector(), labels))
                .filter(np -> np.getSpec().getPolicyTypes().contains("Egress"))
                .toList();
        return isolating.isEmpty() || isolating.stream()
                .flatMap(np -> np.getSpec().getEgress().stream())
                .anyMatch(rule -> portMatches(rule.getPorts(), port) && (rule.getTo().isEmpty() || rule.getTo()
                        .stream()
                        .anyMatch(peer -> switch (destination) {
                            case ExternalAddress address -> peer.getIpBlock() != null;
                            case PodIn pod -> peer.getNamespaceSelector() != null && selects(
                                    peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name",
                                            pod.namespace()))
                                    && (peer.getPodSelector() == null || selects(
                                            peer.getPodSelector(), pod.labels()));
                        })));
    }

    private static boolean peersMatch(List<NetworkPolicyPeer> peers, Client client) {
        if (peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> switch (client) {
            case Pod pod -> peer.getIpBlock() == null
                    && (peer.getNamespaceSelector() == null || selects(peer.getNamespaceSelector(), Map.of(
                            "kubernetes.io/metadata.name", Chart.NAMESPACE)))
                    && (peer.getPodSelector() == null && peer.getNamespaceSelector() != null
                            || selects(peer.getPodSelector(), pod.labels()));
            case Outside outside -> peer.getIpBlock() != null || peer.getNamespaceSelector() != null
                    && (peer.getPodSelector() == null || isEmpty(peer.getPodSelector()));
        });
    }

    private static boolean portMatches(List<NetworkPolicyPort> ports, int port) {
        return ports.isEmpty() || ports.stream().anyMatch(p -> {
            IntOrString value = p.getPort();
            return value == null || value.getIntVal() != null && value.getIntVal() == port;
        });
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw new AssertionError("matchExpressions are not evaluated by this test: " + selector);
        }
        Map<String, String> required = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return required.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static boolean isEmpty(LabelSelector selector) {
        return (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }
}
