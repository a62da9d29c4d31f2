package io.switchboard.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The resources a render produced, typed. */
record Manifests(List<HasMetadata> all) {

    static final String COMPONENT = "app.kubernetes.io/component";
    static final List<String> CORE = List.of("gateway", "routing", "billing", "catalog");

    <T extends HasMetadata> List<T> of(Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return of(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError(
                "No " + type.getSimpleName() + " " + name + " in " + all.stream()
                        .map(r -> r.getKind() + "/" + r.getMetadata().getName())
                        .toList()));
    }

    /** Resources of a component ({@code app.kubernetes.io/component}). */
    <T extends HasMetadata> Optional<T> component(Class<T> type, String component) {
        return of(type).stream()
                .filter(r -> component.equals(labels(r).get(COMPONENT)))
                .filter(r -> !r.getMetadata().getName().endsWith("-metrics"))
                .findFirst();
    }

    Deployment deployment(String component) {
        return component(Deployment.class, component).orElseThrow(() -> new AssertionError(
                "No Deployment of " + component));
    }

    NetworkPolicy networkPolicy(String component) {
        return component(NetworkPolicy.class, component).orElseThrow(() -> new AssertionError(
                "No NetworkPolicy of " + component));
    }

    Container container(String component) {
        return deployment(component).getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    Optional<EnvVar> env(String component, String name) {
        return container(component).getEnv().stream().filter(e -> e.getName().equals(name)).findFirst();
    }

    String envValue(String component, String name) {
        return env(component, name).map(EnvVar::getValue)
                .orElseThrow(() -> new AssertionError(
                        component + " has no environment variable " + name));
    }

    List<Deployment> deployments() {
        return of(Deployment.class);
    }

    private static Map<String, String> labels(HasMetadata resource) {
        return resource.getMetadata().getLabels() == null ? Map.of() : resource.getMetadata().getLabels();
    }
}
