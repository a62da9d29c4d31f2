package io.switchboard.kit.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class TracingDefaultsTest {

    @Test
    void shouldAppendTheTracesPathToTheBaseEndpointOfTheOpenTelemetryVariables() {
        assertThat(TracingDefaults.otlpTracesEndpoint(null, "http://collector:4318/"))
                .isEqualTo("http://collector:4318/v1/traces");
        assertThat(TracingDefaults.otlpTracesEndpoint("http://collector:4318/custom", "http://other:4318"))
                .isEqualTo("http://collector:4318/custom");
    }

    @Test
    void shouldConfigureNoExportWhenNoEndpointIsSet() {
        MockEnvironment environment = new MockEnvironment().withProperty("OTEL_EXPORTER_OTLP_ENDPOINT", " ");

        new TracingDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.containsProperty(TracingDefaults.ENDPOINT)).isFalse();
        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
    }

    @Test
    void shouldExportToTheEndpointOfTheVariableButKeepAnExplicitSetting() {
        MockEnvironment fromVariable = new MockEnvironment().withProperty("OTEL_EXPORTER_OTLP_ENDPOINT",
                "http://collector:4318");
        MockEnvironment explicit = new MockEnvironment().withProperty("OTEL_EXPORTER_OTLP_ENDPOINT",
                "http://collector:4318")
                .withProperty(TracingDefaults.ENDPOINT, "http://explicit:4318/v1/traces")
                .withProperty("management.tracing.sampling.probability", "0.1");

        new TracingDefaults().postProcessEnvironment(fromVariable, new SpringApplication());
        new TracingDefaults().postProcessEnvironment(explicit, new SpringApplication());

        assertThat(fromVariable.getProperty(TracingDefaults.ENDPOINT)).isEqualTo("http://collector:4318/v1/traces");
        assertThat(explicit.getProperty(TracingDefaults.ENDPOINT)).isEqualTo("http://explicit:4318/v1/traces");
        assertThat(explicit.getProperty("management.tracing.sampling.probability")).isEqualTo("0.1");
    }
}
