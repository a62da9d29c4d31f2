@NullMarked
package io.switchboard.simulator.generation;

import org.jspecify.annotations.NullMarked;
