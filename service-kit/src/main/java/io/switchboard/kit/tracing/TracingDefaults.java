package io.switchboard.kit.tracing;

import io.opentelemetry.context.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The tracing defaults of every service, below everything else (application.yaml, environment, command line):
 *
 * <ul>
 * <li>{@code management.tracing.sampling.probability} 1.0: on a laptop every request is traced (Spring Boot's own
 * default is 0.1; the Helm chart sets {@code tracing.samplingProbability}, 0.1 by default). The sampler is parent
 * based: a request that arrives with a sampled {@code traceparent} is traced whatever the probability.</li>
 * <li>{@code spring.reactor.context-propagation} auto: the trace and span ids reach the logging MDC on Reactor and
 * Netty threads too, so log lines carry them (Spring Boot adds them to its log pattern whenever tracing is on the
 * class path).</li>
 * <li>The OpenTelemetry SDK's standard variables, which Spring Boot does not read itself:
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} (the full URL) or {@code OTEL_EXPORTER_OTLP_ENDPOINT} (the base URL, to
 * which {@code /v1/traces} is appended, as the OpenTelemetry specification says for OTLP/HTTP) become
 * {@code management.opentelemetry.tracing.export.otlp.endpoint}. Without any endpoint no span exporter exists, so
 * nothing tries to connect to a collector.</li>
 * </ul>
 */
public class TracingDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "switchboardTracingDefaults";
    static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // OpenTelemetry finds its context storage with a ServiceLoader (jar reads) on first use: let that be now, on
        // the main thread, not on the event loop of the first traced call (Lettuce's connection handshake, often).
        Context.current();
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("management.tracing.sampling.probability", "1.0");
        defaults.put("spring.reactor.context-propagation", "auto");
        if (!StringUtils.hasText(environment.getProperty(ENDPOINT))) {
            String endpoint = otlpTracesEndpoint(environment.getProperty("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"),
                    environment.getProperty("OTEL_EXPORTER_OTLP_ENDPOINT"));
            if (endpoint != null) {
                // Above the other defaults: the variable was set on purpose.
                environment.getPropertySources()
                        .addFirst(new MapPropertySource(SOURCE + "Otlp", Map.of(ENDPOINT,
                                endpoint)));
            }
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }

    /** The OTLP/HTTP traces URL the OpenTelemetry variables name, or null when they name none. */
    static @Nullable String otlpTracesEndpoint(@Nullable String tracesEndpoint, @Nullable String baseEndpoint) {
        if (StringUtils.hasText(tracesEndpoint)) {
            return tracesEndpoint.trim();
        }
        if (StringUtils.hasText(baseEndpoint)) {
            String base = baseEndpoint.trim();
            return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/traces";
        }
        return null;
    }
}
