/**
 * Per-key rate limits, exact across gateway replicas: requests and tokens per minute in Redis token buckets,
 * admitted by one Lua script per request, with token estimates corrected from the usage events.
 */
@NullMarked
package io.switchboard.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
