@NullMarked
package io.switchboard.simulator.reply;

import org.jspecify.annotations.NullMarked;
