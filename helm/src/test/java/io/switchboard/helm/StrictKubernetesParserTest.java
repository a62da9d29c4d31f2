package io.switchboard.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** The chart tests are only as strict as their parser: it must refuse what the API server would. */
class StrictKubernetesParserTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
            spec:
              replicas: %s
              selector:
                matchLabels:
                  app: demo
              template:
                metadata:
                  labels:
                    app: demo
                spec:
                  containers:
                    - name: demo
                      image: demo:1
                      %s
                      resources:
                        requests:
                          cpu: 1
                          memory: 64Mi
            """;

    private final StrictKubernetesParser parser = new StrictKubernetesParser();

    @Test
    void shouldParseAValidManifestIntoTheTypedModel() {
        var resources = parser.parseAll(DEPLOYMENT.formatted("2", "imagePullPolicy: IfNotPresent"));

        assertThat(resources).singleElement().isInstanceOfSatisfying(Deployment.class, deployment -> {
            assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getImagePullPolicy())
                    .isEqualTo("IfNotPresent");
        });
    }

    @Test
    void shouldRefuseAnUnknownFieldDeepInsideAResource() {
        assertThatThrownBy(() -> parser.parseAll(DEPLOYMENT.formatted("2", "imagePullPolicyy: IfNotPresent")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("unknown field(s) [imagePullPolicyy]")
                .hasMessageContaining("Deployment demo.spec.template.spec.containers[0]");
    }

    @Test
    void shouldRefuseAStringWhereKubernetesWantsAnInteger() {
        assertThatThrownBy(() -> parser.parseAll(DEPLOYMENT.formatted("\"2\"", "imagePullPolicy: Always")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("does not match the Kubernetes model");
    }

    @Test
    void shouldRefuseANumberWhereKubernetesWantsAString() {
        String env = "env:\n" + " ".repeat(10) + "  - name: PORT\n" + " ".repeat(10) + "    value: 8080";

        assertThatThrownBy(() -> parser.parseAll(DEPLOYMENT.formatted("2", env)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("does not match the Kubernetes model");
    }

    @Test
    void shouldRefuseAnUnknownKind() {
        assertThatThrownBy(() -> parser.parseAll("""
                apiVersion: apps/v1
                kind: Deploymnet
                metadata:
                  name: demo
                """)).isInstanceOf(AssertionError.class).hasMessageContaining("unknown apiVersion/kind");
    }

    @Test
    void shouldRefuseADuplicateKey() {
        assertThatThrownBy(() -> parser.parseAll("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: demo
                  name: again
                """)).hasMessageContaining("found duplicate key name");
    }

    @Test
    void shouldRefuseAnUnquotedYaml11Boolean() {
        assertThatThrownBy(() -> parser.parseAll("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: demo
                data:
                  appendonly: no
                """)).isInstanceOf(AssertionError.class).hasMessageContaining("Unquoted 'no'");
    }
}
