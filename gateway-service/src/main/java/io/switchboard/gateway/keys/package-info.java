/**
 * OpenRouter's key API served by the gateway itself: {@code GET /api/v1/key} for the calling key, and for management
 * keys {@code GET/POST /api/v1/keys} and {@code GET/PATCH/DELETE /api/v1/keys/{hash}}, in the contract's shapes.
 */
@NullMarked
package io.switchboard.gateway.keys;

import org.jspecify.annotations.NullMarked;
