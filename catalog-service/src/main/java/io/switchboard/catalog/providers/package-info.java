/** OpenRouter's {@code GET /api/v1/providers}. */
@NullMarked
package io.switchboard.catalog.providers;

import org.jspecify.annotations.NullMarked;
