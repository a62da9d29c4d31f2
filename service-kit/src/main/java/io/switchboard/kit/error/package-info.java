@NullMarked
package io.switchboard.kit.error;

import org.jspecify.annotations.NullMarked;
