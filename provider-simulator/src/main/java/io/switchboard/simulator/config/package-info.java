@NullMarked
package io.switchboard.simulator.config;

import org.jspecify.annotations.NullMarked;
