@NullMarked
package io.switchboard.gateway.requestid;

import org.jspecify.annotations.NullMarked;
