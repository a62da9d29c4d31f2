/** Which kind of key (inference, management, operator) may call what. */
@NullMarked
package io.switchboard.gateway.access;

import org.jspecify.annotations.NullMarked;
