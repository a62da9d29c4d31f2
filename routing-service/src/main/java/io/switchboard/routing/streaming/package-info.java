/** Writing streamed completions to the client. */
@NullMarked
package io.switchboard.routing.streaming;

import org.jspecify.annotations.NullMarked;
