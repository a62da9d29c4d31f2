@NullMarked
package io.switchboard.catalog;

import org.jspecify.annotations.NullMarked;
