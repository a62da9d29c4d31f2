package io.switchboard.routing.support;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

import io.switchboard.routing.selection.RandomSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What every routing integration test needs: the spans it made ({@link #SPANS}), price-weighted load balancing made deterministic (the draw is always 0,
 * so the cheapest healthy endpoint is tried first), and a fresh usage journal directory.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RoutingTestConfiguration {

    /** Every span routing ended in this JVM, exported as it ends. */
    public static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

    @Bean
    SpanProcessor spansInMemory() {
        return SimpleSpanProcessor.create(SPANS);
    }

    @Bean
    @Primary
    RandomSource cheapestFirst() {
        return () -> 0.0;
    }

    /** A new, empty usage spool directory. */
    public static Path spoolDir() {
        try {
            Path dir = Files.createTempDirectory("routing-usage-spool-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
