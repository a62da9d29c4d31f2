/**
 * The routing-service's Prometheus metrics: generations, latency, tokens, cost and upstream failures by model,
 * provider and endpoint.
 */
@NullMarked
package io.switchboard.routing.metrics;

import org.jspecify.annotations.NullMarked;
