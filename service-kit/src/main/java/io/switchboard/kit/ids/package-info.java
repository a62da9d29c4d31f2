@NullMarked
package io.switchboard.kit.ids;

import org.jspecify.annotations.NullMarked;
