@NullMarked
package io.switchboard.kit;

import org.jspecify.annotations.NullMarked;
