package io.switchboard.catalog.stats;

import java.util.Collection;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Reads the live statistics routing-service keeps per endpoint. */
public interface EndpointStatisticsReader {

    /**
     * The statistics of each of {@code endpointIds} that has any. Never fails and never waits long: when the
     * statistics cannot be read, the answer is an empty map, and the endpoints show without them.
     */
    Mono<Map<String, EndpointStatistics>> read(Collection<String> endpointIds);
}
