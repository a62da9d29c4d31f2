@NullMarked
package io.switchboard.billing;

import org.jspecify.annotations.NullMarked;
