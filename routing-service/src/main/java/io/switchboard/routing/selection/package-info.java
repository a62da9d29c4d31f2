/**
 * Which provider endpoints may serve a request, and in which order, with OpenRouter's provider-routing semantics
 * (https://openrouter.ai/docs/features/provider-routing) and model fallbacks
 * (https://openrouter.ai/docs/features/model-routing).
 */
@NullMarked
package io.switchboard.routing.selection;

import org.jspecify.annotations.NullMarked;
