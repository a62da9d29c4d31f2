@NullMarked
package io.switchboard.catalog.store;

import org.jspecify.annotations.NullMarked;
