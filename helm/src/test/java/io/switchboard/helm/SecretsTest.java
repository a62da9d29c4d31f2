package io.switchboard.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Where secrets come from: existing Secrets in production, generated once otherwise, and never inline in a pod. */
class SecretsTest {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(SECRET|_KEY|PASSWORD|TOKEN|JAAS|REDIS_URL).*");

    @Test
    void shouldTakeEverySecretFromExistingSecretsInProduction() {
        Manifests manifests = Chart.render(Chart.ci("production-values.yaml"));

        assertThat(manifests.of(Secret.class)).isEmpty();
        for (Deployment deployment : manifests.deployments()) {
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
            for (EnvVar env : container.getEnv()) {
                if (SECRET_NAME.matcher(env.getName()).matches()) {
                    assertThat(env.getValue()).as(env.getName() + " of " + container.getName()).isNull();
                    assertThat(env.getValueFrom().getSecretKeyRef()).as(env.getName()).isNotNull();
                }
            }
        }
        assertThat(secretRef(manifests, "gateway", "SWITCHBOARD_INTERNAL_SECRET").getName())
                .isEqualTo("switchboard-internal");
        assertThat(secretRef(manifests, "gateway", "SWITCHBOARD_BOOTSTRAP_KEY").getName())
                .isEqualTo("switchboard-bootstrap");
        assertThat(secretRef(manifests, "gateway", "SWITCHBOARD_OPERATOR_KEY").getName())
                .isEqualTo("switchboard-operator");
        assertThat(secretRef(manifests, "billing", "REDIS_URL").getName()).isEqualTo("switchboard-redis");
        assertThat(secretRef(manifests, "routing", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG").getName())
                .isEqualTo("switchboard-kafka-user");
        for (ConfigMap configMap : manifests.of(ConfigMap.class)) {
            assertThat(String.join("\n", configMap.getData().values())).as(configMap.getMetadata().getName())
                    .doesNotContainIgnoringCase("password")
                    .doesNotContainIgnoringCase("jaas")
                    .doesNotContainIgnoringCase("api_key");
        }
    }

    @Test
    void shouldGiveProviderCredentialsToRoutingOnly() {
        Manifests manifests = Chart.render(Chart.ci("production-values.yaml"));

        assertThat(manifests.container("routing").getEnvFrom()).extracting(EnvFromSource::getSecretRef)
                .anySatisfy(ref -> assertThat(ref.getName()).isEqualTo("switchboard-providers"));
        for (String component : new String[]{"gateway", "billing", "catalog"}) {
            assertThat(manifests.container(component).getEnvFrom()).as(component).isNullOrEmpty();
        }
    }

    @Test
    void shouldGenerateTheInternalSecretAndTheBootstrapAndOperatorKeysOnAFirstInstall() {
        Manifests manifests = Chart.render(Chart.ci("minimal-values.yaml"));

        Secret secret = manifests.get(Secret.class, "sb-switchboard");
        assertThat(decode(secret, "internal-secret")).matches("[A-Za-z0-9]{48}");
        assertThat(decode(secret, "bootstrap-key")).matches("sk-sb-v1-[A-Za-z0-9]{48}");
        assertThat(decode(secret, "operator-key")).matches("sk-sb-v1-[A-Za-z0-9]{48}")
                .isNotEqualTo(decode(secret, "bootstrap-key"));
        assertThat(secretRef(manifests, "gateway", "SWITCHBOARD_OPERATOR_KEY").getKey()).isEqualTo("operator-key");
        assertThat(manifests.env("routing", "SWITCHBOARD_OPERATOR_KEY")).isEmpty();
        assertThat(secretRef(manifests, "routing", "SWITCHBOARD_INTERNAL_SECRET").getName())
                .isEqualTo("sb-switchboard");
        assertThat(secretRef(manifests, "gateway", "SWITCHBOARD_BOOTSTRAP_KEY").getKey()).isEqualTo("bootstrap-key");
    }

    @Test
    void shouldKeepTheGeneratedSecretsOnAnUpgrade() {
        String release = "upgraded";
        Map<String, String> installed = Map.of("internal-secret", "kept-internal-secret-0123456789abcdef012345",
                "bootstrap-key", "sk-sb-v1-keptBootstrapKey0123456789", "operator-key",
                "sk-sb-v1-keptOperatorKey01234567890");
        FakeKubernetesApi.instance().putSecret(Chart.NAMESPACE, release + "-switchboard", installed);
        try {
            Manifests manifests = Chart.render(release, Chart.ci("minimal-values.yaml"), Map.of());

            Secret secret = manifests.get(Secret.class, release + "-switchboard");
            assertThat(decode(secret, "internal-secret")).isEqualTo(installed.get("internal-secret"));
            assertThat(decode(secret, "bootstrap-key")).isEqualTo(installed.get("bootstrap-key"));
            assertThat(decode(secret, "operator-key")).isEqualTo(installed.get("operator-key"));
        } finally {
            FakeKubernetesApi.instance().removeSecret(Chart.NAMESPACE, release + "-switchboard");
        }
    }

    @Test
    void shouldUseInlineValuesInsteadOfGenerating() {
        Manifests manifests = Chart.render(Chart.ci("simulator-demo-values.yaml"));

        Secret secret = manifests.get(Secret.class, "sb-switchboard");
        assertThat(decode(secret, "bootstrap-key")).isEqualTo("sk-sb-v1-demo0000000000000000000000000000000000000000");
        assertThat(manifests.envValue("gateway", "SWITCHBOARD_BOOTSTRAP_TENANT")).isEqualTo("demo");
    }

    @Test
    void shouldCreateNoBootstrapOrOperatorKeyWhenDisabled() {
        Manifests manifests = Chart.render(Chart.ci("features-values.yaml"));

        assertThat(manifests.env("gateway", "SWITCHBOARD_BOOTSTRAP_KEY")).isEmpty();
        assertThat(manifests.env("gateway", "SWITCHBOARD_OPERATOR_KEY")).isEmpty();
        assertThat(manifests.get(Secret.class, "sb-switchboard").getData()).containsOnlyKeys("internal-secret");
    }

    private static SecretKeySelector secretRef(Manifests manifests, String component, String name) {
        EnvVar env = manifests.env(component, name)
                .orElseThrow(() -> new AssertionError(component + " has no "
                        + name));
        assertThat(env.getValue()).as(name + " of " + component).isNull();
        return env.getValueFrom().getSecretKeyRef();
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
