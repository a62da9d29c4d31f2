/** The in-memory copy of the catalog and how it is kept fresh. */
@NullMarked
package io.switchboard.catalog.client;

import org.jspecify.annotations.NullMarked;
