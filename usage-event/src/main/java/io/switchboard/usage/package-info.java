@NullMarked
package io.switchboard.usage;

import org.jspecify.annotations.NullMarked;
