/** The chat completion request, end to end: validation, failover, streaming, usage. */
@NullMarked
package io.switchboard.routing.completion;

import org.jspecify.annotations.NullMarked;
