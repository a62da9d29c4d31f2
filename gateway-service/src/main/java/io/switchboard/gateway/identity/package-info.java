@NullMarked
package io.switchboard.gateway.identity;

import org.jspecify.annotations.NullMarked;
