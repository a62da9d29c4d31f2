@NullMarked
package io.switchboard.gateway.auth;

import org.jspecify.annotations.NullMarked;
