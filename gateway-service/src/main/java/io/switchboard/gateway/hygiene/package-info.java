/**
 * Request hygiene: body size and content type, strict JSON, allowed methods, CORS, and upstream failures, all
 * answered in OpenRouter's error JSON.
 */
@NullMarked
package io.switchboard.gateway.hygiene;

import org.jspecify.annotations.NullMarked;
