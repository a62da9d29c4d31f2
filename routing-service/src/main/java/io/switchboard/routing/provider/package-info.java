/** The provider SPI and what every adapter shares (HTTP client, error classification). */
@NullMarked
package io.switchboard.routing.provider;

import org.jspecify.annotations.NullMarked;
