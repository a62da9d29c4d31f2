/**
 * The benchmark behind {@code ./switchboard bench}: starts the cluster, nginx and a plain Spring Cloud Gateway route in
 * front of one provider simulator and measures each side by side with one load generator (see bench/README.md).
 */
@NullMarked
package io.switchboard.bench;

import org.jspecify.annotations.NullMarked;
