@NullMarked
package io.switchboard.billing.generation;

import org.jspecify.annotations.NullMarked;
