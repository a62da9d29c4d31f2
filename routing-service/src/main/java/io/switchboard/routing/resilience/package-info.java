/**
 * Keeping a failing provider endpoint away from requests: a Resilience4j circuit breaker per endpoint guarding the
 * wait for the first byte, the time-to-first-token, stream-idle and total timeouts, and {@code Retry-After}
 * cool-downs.
 */
@NullMarked
package io.switchboard.routing.resilience;

import org.jspecify.annotations.NullMarked;
