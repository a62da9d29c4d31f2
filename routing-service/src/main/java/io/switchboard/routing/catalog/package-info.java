/** The in-memory copy of the catalog and how it is kept fresh. */
@NullMarked
package io.switchboard.routing.catalog;

import org.jspecify.annotations.NullMarked;
