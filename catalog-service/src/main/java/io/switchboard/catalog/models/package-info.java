@NullMarked
package io.switchboard.catalog.models;

import org.jspecify.annotations.NullMarked;
