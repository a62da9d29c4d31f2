/** Baseline (d): the plainest Spring Cloud Gateway, one route to the simulator, nothing of Switchboard's. */
@NullMarked
package io.switchboard.bench.scg;

import org.jspecify.annotations.NullMarked;
