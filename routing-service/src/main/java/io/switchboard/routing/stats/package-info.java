/**
 * Live statistics of provider endpoints, shared by every routing replica through Redis (docs/contracts.md,
 * "Endpoint statistics"). Requests only touch in-memory counters ({@link EndpointStatsRecorder}); a replica adds
 * them to Redis every {@code switchboard.routing.stats.flush-interval} ({@link RedisStatsFlusher}) and reads all
 * endpoints back every {@code refresh-interval} ({@link EndpointStatsReader}) for {@code provider.sort} and the
 * {@code :nitro} variant. Breaker transitions are shared by {@link BreakerStatePublisher}.
 * <p>
 * The format of {@code routing:stats:{endpointId}} and {@code routing:breaker:{endpointId}}, what one attempt adds
 * and how a window's figures are read back belong to the {@code endpoint-stats} module ({@code io.switchboard.stats}),
 * which catalog-service reads them with too: this package only decides when to write and read.
 */
@NullMarked
package io.switchboard.routing.stats;

import org.jspecify.annotations.NullMarked;
