package io.switchboard.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** NOTES.txt tells how to reach the API and how to read the first API key, for the way the release was set up. */
class NotesTest {

    @Test
    void shouldExplainThePortForwardAndTheGeneratedKey() {
        String notes = Chart.notes(Chart.ci("minimal-values.yaml"), Map.of());

        assertThat(notes)
                .contains("kubectl -n switchboard port-forward service/sb-switchboard-gateway 8080:80")
                .contains("export SWITCHBOARD_URL=http://localhost:8080/api/v1")
                .contains("kubectl -n switchboard get secret sb-switchboard -o jsonpath='{.data.bootstrap-key}'")
                .contains("tenant \"default\"")
                .contains("get secret sb-switchboard -o jsonpath='{.data.operator-key}'")
                .contains("curl \"$SWITCHBOARD_URL/admin/credits\"")
                .contains("\"tenant_id\":\"default\"")
                .contains("curl \"$SWITCHBOARD_URL/chat/completions\"")
                .contains(
                        "Generated into Secret sb-switchboard at the first install, and kept on upgrades: the internal secret and the bootstrap key.")
                .contains("no provider credentials are configured");
    }

    @Test
    void shouldPointAtTheIngressAndTheOperatorsOwnSecret() {
        String notes = Chart.notes(Chart.ci("production-values.yaml"), Map.of());

        assertThat(notes)
                .contains("export SWITCHBOARD_URL=https://llm.example.com/api/v1")
                .contains("get secret switchboard-bootstrap -o jsonpath='{.data.bootstrap-key}'")
                .contains("tenant \"platform\"")
                .contains("get secret switchboard-operator -o jsonpath='{.data.operator-key}'")
                .doesNotContain("port-forward")
                .doesNotContain("WARNING")
                .doesNotContain("generated");
    }

    @Test
    void shouldWarnAboutDevModeAndInlineCredentials() {
        String notes = Chart.notes(Chart.ci("dev-values.yaml"), Map.of());

        assertThat(notes).contains("WARNING: dev mode").contains("WARNING: provider credentials are given inline");
    }

    @Test
    void shouldSayTheSimulatorPlaysEveryProvider() {
        String notes = Chart.notes(Chart.ci("simulator-demo-values.yaml"), Map.of());

        assertThat(notes).contains("the provider simulator answers for every provider")
                .contains("tenant \"demo\", which billing-service credits with 100 USD at its first start");
    }
}
