/**
 * Live endpoint statistics (uptime, time to first token, throughput), written by routing-service into Redis and read
 * here, with the {@code endpoint-stats} module's reader, for {@code GET /api/v1/models/{author}/{slug}/endpoints}.
 */
@NullMarked
package io.switchboard.catalog.stats;

import org.jspecify.annotations.NullMarked;
