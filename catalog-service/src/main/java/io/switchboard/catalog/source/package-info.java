@NullMarked
package io.switchboard.catalog.source;

import org.jspecify.annotations.NullMarked;
