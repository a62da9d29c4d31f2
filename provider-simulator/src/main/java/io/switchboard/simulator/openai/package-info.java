@NullMarked
package io.switchboard.simulator.openai;

import org.jspecify.annotations.NullMarked;
