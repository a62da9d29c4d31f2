package io.switchboard.routing.selection;

import java.util.OptionalDouble;

/** What routing knows live about an endpoint, beyond the catalog: its health and measured speed. */
public interface EndpointConditions {

    /**
     * Whether the endpoint had a recent outage (its circuit breaker is open, or it asked to be left alone with
     * {@code Retry-After}); such endpoints are tried after the others.
     */
    boolean isDegraded(String endpointId);

    /** Median completion tokens per second over the recent window, if measured. */
    OptionalDouble throughput(String endpointId);

    /** Median time to first token in milliseconds over the recent window, if measured. */
    OptionalDouble latency(String endpointId);

    /** No live knowledge: every endpoint healthy and unmeasured. */
    EndpointConditions NONE = new EndpointConditions() {

        @Override
        public boolean isDegraded(String endpointId) {
            return false;
        }

        @Override
        public OptionalDouble throughput(String endpointId) {
            return OptionalDouble.empty();
        }

        @Override
        public OptionalDouble latency(String endpointId) {
            return OptionalDouble.empty();
        }
    };
}
