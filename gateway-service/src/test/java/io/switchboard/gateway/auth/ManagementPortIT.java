package io.switchboard.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Kubernetes probes and Prometheus reach Actuator on the management port without an API key; the public port does not serve it. */
class ManagementPortIT extends GatewayTest {

    @LocalManagementPort
    int managementPort;

    @Test
    void shouldAnswerProbesAndScrapesOnTheManagementPortWithoutAKey() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();

        management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        management.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .value(status -> assertThat(status).isIn("UP", "OUT_OF_SERVICE", "DOWN"));
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    @Test
    void shouldKeepActuatorPathsOnThePublicPortBehindTheKeyCheck() {
        web.get().uri("/actuator/health").exchange().expectStatus().isUnauthorized();
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
    }
}
