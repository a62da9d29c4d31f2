package io.switchboard.routing.usage;

import io.switchboard.usage.UsageEvent;

/** Hands a usage event to the event pipeline. Never blocks and never fails the request that produced it. */
public interface UsagePublisher {

    void publish(UsageEvent event);
}
