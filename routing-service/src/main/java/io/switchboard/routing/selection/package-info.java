/** Which provider endpoints may serve a request, in which order. */
@NullMarked
package io.switchboard.routing.selection;

import org.jspecify.annotations.NullMarked;
