@NullMarked
package io.switchboard.kit.identity;

import org.jspecify.annotations.NullMarked;
