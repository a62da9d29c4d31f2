package io.switchboard.routing.usage;

import io.switchboard.usage.UsageEvent;
import java.util.Map;

/** Hands a usage event to the event pipeline. Never blocks and never fails the request that produced it. */
public interface UsagePublisher {

    /**
     * @param traceContext W3C trace context headers ({@code traceparent}, {@code tracestate}) of the request that
     *        produced the event, sent with it as Kafka record headers; empty for none
     */
    void publish(UsageEvent event, Map<String, String> traceContext);

    default void publish(UsageEvent event) {
        publish(event, Map.of());
    }
}
