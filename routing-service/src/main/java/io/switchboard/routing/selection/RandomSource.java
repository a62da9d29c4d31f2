package io.switchboard.routing.selection;

import java.util.concurrent.ThreadLocalRandom;

/** Where price-weighted load balancing draws its random numbers; a bean, so tests can make the draw deterministic. */
@FunctionalInterface
public interface RandomSource {

    /** A number in {@code [0, 1)}. */
    double nextDouble();

    /** {@link ThreadLocalRandom}: no contention and no entropy reads on event-loop threads. */
    RandomSource THREAD_LOCAL = () -> ThreadLocalRandom.current().nextDouble();
}
