@NullMarked
package io.switchboard.catalog.api;

import org.jspecify.annotations.NullMarked;
