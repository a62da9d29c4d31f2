@NullMarked
package io.switchboard.catalog.internal;

import org.jspecify.annotations.NullMarked;
