/** The gateway's own Prometheus metrics: the requests it refuses itself, by reason. */
@NullMarked
package io.switchboard.gateway.metrics;

import org.jspecify.annotations.NullMarked;
