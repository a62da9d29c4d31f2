/**
 * Distributed tracing shared by every service: OpenTelemetry behind Micrometer's Observation API, W3C trace context
 * ({@code traceparent}, {@code tracestate}) on every internal call and on the usage events, OTLP export only when an
 * endpoint is configured.
 */
@NullMarked
package io.switchboard.kit.tracing;

import org.jspecify.annotations.NullMarked;
