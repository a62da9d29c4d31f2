@NullMarked
package io.switchboard.gateway;

import org.jspecify.annotations.NullMarked;
