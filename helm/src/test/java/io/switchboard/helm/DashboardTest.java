package io.switchboard.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard the chart ships for Grafana's dashboard sidecar. */
class DashboardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldShipTheDashboardAsAConfigMapTheSidecarLoadsWhenEnabled() throws IOException {
        Manifests manifests = Chart.render(Chart.ci("features-values.yaml"));

        ConfigMap dashboard = manifests.get(ConfigMap.class, Chart.RELEASE + "-switchboard-dashboard");

        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(dashboard.getMetadata().getAnnotations()).containsEntry("grafana_folder", "Switchboard");
        assertThat(JSON.readTree(dashboard.getData().get("switchboard.json")))
                .isEqualTo(JSON.readTree(Files.readString(Chart.DIR.resolve("dashboards/switchboard.json"))));
    }

    @Test
    void shouldShipNoDashboardByDefault() {
        assertThat(Chart.render(Chart.ci("minimal-values.yaml")).of(ConfigMap.class))
                .noneSatisfy(map -> assertThat(map.getMetadata().getName()).endsWith("-dashboard"));
    }

    @Test
    void shouldQueryPrometheusThroughTheDatasourceVariableInEveryPanel() throws IOException {
        JsonNode dashboard = JSON.readTree(Files.readString(Chart.DIR.resolve("dashboards/switchboard.json")));

        assertThat(dashboard.get("uid").asText()).isEqualTo("switchboard");
        assertThat(dashboard.at("/templating/list/0/name").asText()).isEqualTo("datasource");
        assertThat(dashboard.at("/templating/list/0/query").asText()).isEqualTo("prometheus");
        List<JsonNode> targets = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> {
            if (!panel.get("type").asText().equals("row")) {
                assertThat(panel.at("/datasource/uid").asText()).as(panel.get("title").asText())
                        .isEqualTo("${datasource}");
                assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
                panel.get("targets").forEach(targets::add);
            }
        });
        assertThat(targets).allSatisfy(target -> {
            assertThat(target.at("/datasource/uid").asText()).isEqualTo("${datasource}");
            assertThat(target.get("expr").asText()).isNotBlank();
        });
    }
}
